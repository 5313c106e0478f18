// Names for the generated Pipedrive types (generated/*.ts, from the committed spec extract).
import type {
  components as V1Components,
  operations as V1Operations,
} from './generated/pipedrive-v1'
import type {
  components as V2Components,
  operations as V2Operations,
} from './generated/pipedrive-v2'

type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never
type Success<Op> = Op extends { responses: { 200: infer R } }
  ? R
  : Op extends { responses: { 201: infer R } }
    ? R
    : never

/** The JSON body an operation takes. */
export type RequestBody<Op> = Op extends { requestBody: infer R } ? JsonOf<R> : never
/** Its query parameters. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never
/** The whole JSON envelope of its success response. */
export type ResponseBody<Op> = JsonOf<Success<Op>>
/** The envelope's `data`. */
export type ResponseData<Op> = NonNullable<ResponseBody<Op> extends { data?: infer D } ? D : never>

type V1 = V1Operations
type V2 = V2Operations
type S1 = V1Components['schemas']

export type Lead = S1['Lead']
export type LeadLabel = S1['LeadLabel']
export type LeadSource = S1['LeadSource']
export type Field = ResponseData<V1['getDealFields']>[number]
export type User = ResponseData<V1['getUsers']>[number]
export type CurrentUser = ResponseData<V1['getCurrentUser']>
export type Currency = ResponseData<V1['getCurrencies']>[number]
export type Note = ResponseData<V1['addNote']>
export type NoteListQuery = Omit<QueryOf<V1['getNotes']>, 'start' | 'limit'>
export type NoteListItem = ResponseData<V1['getNotes']>[number]

export type ActivityType = ResponseData<V1['getActivityTypes']>[number]

export type LeadListQuery = Omit<QueryOf<V1['getLeads']>, 'start' | 'limit'>
export type ArchivedLeadListQuery = Omit<QueryOf<V1['getArchivedLeads']>, 'start' | 'limit'>
export type AddLeadRequest = RequestBody<V1['addLead']>
export type UpdateLeadRequest = RequestBody<V1['updateLead']>
export type AddLeadLabelRequest = RequestBody<V1['addLeadLabel']>
export type UpdateLeadLabelRequest = RequestBody<V1['updateLeadLabel']>
export type AddNoteRequest = RequestBody<V1['addNote']>

export type Person = ResponseData<V2['getPerson']>
export type Organization = ResponseData<V2['getOrganization']>
export type AddPersonRequest = RequestBody<V2['addPerson']>
export type AddOrganizationRequest = RequestBody<V2['addOrganization']>
export type PersonListQuery = Omit<QueryOf<V2['getPersons']>, 'cursor' | 'limit'>
export type PersonListItem = ResponseData<V2['getPersons']>[number]
export type OrganizationListQuery = Omit<QueryOf<V2['getOrganizations']>, 'cursor' | 'limit'>
export type OrganizationListItem = ResponseData<V2['getOrganizations']>[number]
/**
 * The spec types a search's `fields` as one value; its description, and the API, take a
 * comma-separated list.
 */
type FieldList<Field extends string> = Field | `${Field},${Field}`
type SearchQuery<Query extends { fields?: string }> = Omit<Query, 'cursor' | 'fields'> & {
  fields?: FieldList<NonNullable<Query['fields']>>
}
export type PersonSearchQuery = SearchQuery<QueryOf<V2['searchPersons']>>
export type PersonSearchItem = NonNullable<ResponseData<V2['searchPersons']>['items']>[number]
export type OrganizationSearchQuery = SearchQuery<QueryOf<V2['searchOrganization']>>
export type OrganizationSearchItem = NonNullable<
  ResponseData<V2['searchOrganization']>['items']
>[number]
export type LeadSearchQuery = Omit<QueryOf<V2['searchLeads']>, 'cursor'>
export type LeadSearchItem = V2Components['schemas']['LeadSearchItem']
export type Activity = ResponseData<V2['addActivity']>
export type AddActivityRequest = RequestBody<V2['addActivity']>
export type UpdateActivityRequest = RequestBody<V2['updateActivity']>
export type ActivityListQuery = Omit<QueryOf<V2['getActivities']>, 'cursor' | 'limit'>
export type ActivityListItem = ResponseData<V2['getActivities']>[number]
export type ConvertLeadRequest = RequestBody<V2['convertLeadToDeal']>
export type LeadConversion = ResponseData<V2['convertLeadToDeal']>
export type LeadConversionStatus = ResponseData<V2['getLeadConversionStatus']>
