import type { ApiPurpose } from '../../../shared/api-usage'
import type * as Api from './api-types'
import {
  allCursorPages,
  allPages,
  nextCursor,
  nextStart,
  type CursorPage,
  type Page,
} from './pagination'
import type { PipedriveHttp, PipedriveResponse, QueryValue, RequestSpec } from './pipedrive-http'

const v1 = '/api/v1'
const v2 = '/api/v2'
const id = (value: string | number) => encodeURIComponent(String(value))

type Query = Record<string, QueryValue>
type Options = Pick<RequestSpec, 'signal' | 'timeoutMs'>
export interface PageRequest {
  start?: number
  /** Page size; Pipedrive's ceiling for offset lists is 500. */
  limit?: number
}
export interface CursorRequest {
  cursor?: string
  limit?: number
}

/**
 * Every Pipedrive endpoint Leadbox uses, typed from the official spec. Leads, labels,
 * sources, fields, users, currencies, notes and activity types are v1 (leads have no v2 CRUD);
 * persons, organizations, activities, search and lead conversion are v2 (their v1 endpoints are out of support).
 * Each call resolves with the whole answer (status, data, rate-limit headers) or throws a
 * PipedriveFailure. A client asks for one purpose, which the token ledger counts its
 * requests under; `for` gives the same account's client for another.
 */
export class PipedriveClient {
  constructor(
    readonly http: PipedriveHttp,
    readonly purpose: ApiPurpose = 'account',
  ) {}

  /** The same account and limiter, counted under another purpose. */
  for(purpose: ApiPurpose): PipedriveClient {
    return purpose === this.purpose ? this : new PipedriveClient(this.http, purpose)
  }

  private call<T>(spec: RequestSpec, options: Options = {}): Promise<PipedriveResponse<T>> {
    return this.http.request<T>({ ...spec, ...options, purpose: this.purpose })
  }

  private async page<T>(
    path: string,
    query: object,
    page: PageRequest,
    options?: Options,
  ): Promise<PipedriveResponse<Page<T>>> {
    const start = page.start ?? 0
    const response = await this.call<T[] | null>(
      { method: 'GET', path, query: { ...(query as Query), start, limit: page.limit } },
      options,
    )
    const items = response.data ?? []
    return {
      ...response,
      data: { items, nextStart: nextStart(response.additionalData, start, items.length) },
    }
  }

  private async cursorPage<T>(
    path: string,
    query: object,
    options?: Options,
  ): Promise<PipedriveResponse<CursorPage<T>>> {
    const response = await this.call<{ items?: T[] } | null>(
      { method: 'GET', path, query: query as Query, search: true },
      options,
    )
    return {
      ...response,
      data: {
        items: response.data?.items ?? [],
        nextCursor: nextCursor(response.additionalData),
      },
    }
  }

  /** v2 lists: `data` is the array itself (searches wrap theirs in `items`). */
  private async cursorList<T>(
    path: string,
    query: object,
    options?: Options,
  ): Promise<PipedriveResponse<CursorPage<T>>> {
    const response = await this.call<T[] | null>(
      { method: 'GET', path, query: query as Query },
      options,
    )
    return {
      ...response,
      data: { items: response.data ?? [], nextCursor: nextCursor(response.additionalData) },
    }
  }

  // Leads (v1)

  /** GET /v1/leads: one page of non-archived leads, oldest first. */
  getLeads(query: Api.LeadListQuery & PageRequest = {}, options?: Options) {
    const { start, limit, ...filters } = query
    return this.page<Api.Lead>(`${v1}/leads`, filters, { start, limit }, options)
  }

  /** Every page of GET /v1/leads. */
  async listLeads(query: Api.LeadListQuery = {}, pageSize = 500, options?: Options) {
    return allPages((start) =>
      this.getLeads({ ...query, start, limit: pageSize }, options).then((r) => r.data),
    )
  }

  /** GET /v1/leads/archived (no updated_since there). */
  getArchivedLeads(query: Api.ArchivedLeadListQuery & PageRequest = {}, options?: Options) {
    const { start, limit, ...filters } = query
    return this.page<Api.Lead>(`${v1}/leads/archived`, filters, { start, limit }, options)
  }

  async listArchivedLeads(
    query: Api.ArchivedLeadListQuery = {},
    pageSize = 500,
    options?: Options,
  ) {
    return allPages((start) =>
      this.getArchivedLeads({ ...query, start, limit: pageSize }, options).then((r) => r.data),
    )
  }

  getLead(leadId: string, options?: Options) {
    return this.call<Api.Lead>({ method: 'GET', path: `${v1}/leads/${id(leadId)}` }, options)
  }

  /** POST /v1/leads (201). Omit unset keys: lead endpoints reject null on create. */
  addLead(body: Api.AddLeadRequest, options?: Options) {
    return this.call<Api.Lead>({ method: 'POST', path: `${v1}/leads`, body }, options)
  }

  updateLead(leadId: string, body: Api.UpdateLeadRequest, options?: Options) {
    return this.call<Api.Lead>(
      { method: 'PATCH', path: `${v1}/leads/${id(leadId)}`, body },
      options,
    )
  }

  deleteLead(leadId: string, options?: Options) {
    return this.call<{ id: string }>(
      { method: 'DELETE', path: `${v1}/leads/${id(leadId)}` },
      options,
    )
  }

  // Lead labels, sources, fields (v1)

  getLeadLabels(options?: Options) {
    return this.call<Api.LeadLabel[]>({ method: 'GET', path: `${v1}/leadLabels` }, options)
  }

  addLeadLabel(body: Api.AddLeadLabelRequest, options?: Options) {
    return this.call<Api.LeadLabel>({ method: 'POST', path: `${v1}/leadLabels`, body }, options)
  }

  updateLeadLabel(labelId: string, body: Api.UpdateLeadLabelRequest, options?: Options) {
    return this.call<Api.LeadLabel>(
      { method: 'PATCH', path: `${v1}/leadLabels/${id(labelId)}`, body },
      options,
    )
  }

  deleteLeadLabel(labelId: string, options?: Options) {
    return this.call<{ id: string }>(
      { method: 'DELETE', path: `${v1}/leadLabels/${id(labelId)}` },
      options,
    )
  }

  getLeadSources(options?: Options) {
    return this.call<Api.LeadSource[]>({ method: 'GET', path: `${v1}/leadSources` }, options)
  }

  getLeadFields(page: PageRequest = {}, options?: Options) {
    return this.page<Api.Field>(`${v1}/leadFields`, {}, page, options)
  }

  listLeadFields(pageSize = 500, options?: Options) {
    return allPages((start) =>
      this.getLeadFields({ start, limit: pageSize }, options).then((r) => r.data),
    )
  }

  /** GET /v1/dealFields: leads inherit the deal custom fields. */
  getDealFields(page: PageRequest = {}, options?: Options) {
    return this.page<Api.Field>(`${v1}/dealFields`, {}, page, options)
  }

  listDealFields(pageSize = 500, options?: Options) {
    return allPages((start) =>
      this.getDealFields({ start, limit: pageSize }, options).then((r) => r.data),
    )
  }

  // Users, currencies, notes (v1)

  getUsers(options?: Options) {
    return this.call<Api.User[]>({ method: 'GET', path: `${v1}/users` }, options)
  }

  /** GET /v1/users/me: who the credentials belong to, and the company's domain. */
  getCurrentUser(options?: Options) {
    return this.call<Api.CurrentUser>({ method: 'GET', path: `${v1}/users/me` }, options)
  }

  getCurrencies(term?: string, options?: Options) {
    return this.call<Api.Currency[]>(
      { method: 'GET', path: `${v1}/currencies`, query: { term } },
      options,
    )
  }

  /** GET /v1/notes: one page, e.g. a lead's notes (`lead_id`) changed since a time. */
  getNotes(query: Api.NoteListQuery & PageRequest = {}, options?: Options) {
    const { start, limit, ...filters } = query
    return this.page<Api.NoteListItem>(`${v1}/notes`, filters, { start, limit }, options)
  }

  async listNotes(query: Api.NoteListQuery = {}, pageSize = 500, options?: Options) {
    return allPages((start) =>
      this.getNotes({ ...query, start, limit: pageSize }, options).then((r) => r.data),
    )
  }

  addNote(body: Api.AddNoteRequest, options?: Options) {
    return this.call<Api.Note>({ method: 'POST', path: `${v1}/notes`, body }, options)
  }

  /** GET /v1/activityTypes: the company's activity types (one list, no pages). */
  getActivityTypes(options?: Options) {
    return this.call<Api.ActivityType[]>({ method: 'GET', path: `${v1}/activityTypes` }, options)
  }

  // Activities (v2)

  /** GET /v2/activities: one page, e.g. a lead's (`lead_id`) changed since a time. */
  getActivities(query: Api.ActivityListQuery & CursorRequest = {}, options?: Options) {
    return this.cursorList<Api.ActivityListItem>(`${v2}/activities`, query, options)
  }

  /** Every page of GET /v2/activities. */
  listActivities(query: Api.ActivityListQuery = {}, pageSize = 500, options?: Options) {
    return allCursorPages((cursor) =>
      this.getActivities({ ...query, limit: pageSize, cursor }, options).then((r) => r.data),
    )
  }

  addActivity(body: Api.AddActivityRequest, options?: Options) {
    return this.call<Api.Activity>({ method: 'POST', path: `${v2}/activities`, body }, options)
  }

  updateActivity(activityId: number, body: Api.UpdateActivityRequest, options?: Options) {
    return this.call<Api.Activity>(
      { method: 'PATCH', path: `${v2}/activities/${id(activityId)}`, body },
      options,
    )
  }

  // Persons and organizations (v2)

  addPerson(body: Api.AddPersonRequest, options?: Options) {
    return this.call<Api.Person>({ method: 'POST', path: `${v2}/persons`, body }, options)
  }

  getPerson(personId: number, options?: Options) {
    return this.call<Api.Person>({ method: 'GET', path: `${v2}/persons/${id(personId)}` }, options)
  }

  /** GET /v2/persons: one page of the company's persons; `updated_since` for what changed. */
  getPersons(query: Api.PersonListQuery & CursorRequest = {}, options?: Options) {
    return this.cursorList<Api.PersonListItem>(`${v2}/persons`, query, options)
  }

  /** Every page of GET /v2/persons. */
  listPersons(query: Api.PersonListQuery = {}, pageSize = 500, options?: Options) {
    return allCursorPages((cursor) =>
      this.getPersons({ ...query, limit: pageSize, cursor }, options).then((r) => r.data),
    )
  }

  /** GET /v2/persons/search: counts against the search cap. */
  searchPersons(query: Api.PersonSearchQuery & CursorRequest, options?: Options) {
    return this.cursorPage<Api.PersonSearchItem>(`${v2}/persons/search`, query, options)
  }

  addOrganization(body: Api.AddOrganizationRequest, options?: Options) {
    return this.call<Api.Organization>(
      { method: 'POST', path: `${v2}/organizations`, body },
      options,
    )
  }

  getOrganization(organizationId: number, options?: Options) {
    return this.call<Api.Organization>(
      { method: 'GET', path: `${v2}/organizations/${id(organizationId)}` },
      options,
    )
  }

  /** GET /v2/organizations: one page of the company's organizations. */
  getOrganizations(query: Api.OrganizationListQuery & CursorRequest = {}, options?: Options) {
    return this.cursorList<Api.OrganizationListItem>(`${v2}/organizations`, query, options)
  }

  /** Every page of GET /v2/organizations. */
  listOrganizations(query: Api.OrganizationListQuery = {}, pageSize = 500, options?: Options) {
    return allCursorPages((cursor) =>
      this.getOrganizations({ ...query, limit: pageSize, cursor }, options).then((r) => r.data),
    )
  }

  searchOrganizations(query: Api.OrganizationSearchQuery & CursorRequest, options?: Options) {
    return this.cursorPage<Api.OrganizationSearchItem>(`${v2}/organizations/search`, query, options)
  }

  // Lead search and conversion (v2)

  searchLeads(query: Api.LeadSearchQuery & CursorRequest, options?: Options) {
    return this.cursorPage<Api.LeadSearchItem>(`${v2}/leads/search`, query, options)
  }

  /** POST /v2/leads/{id}/convert/deal: starts a job; poll getLeadConversionStatus. */
  convertLeadToDeal(leadId: string, body: Api.ConvertLeadRequest = {}, options?: Options) {
    return this.call<Api.LeadConversion>(
      { method: 'POST', path: `${v2}/leads/${id(leadId)}/convert/deal`, body },
      options,
    )
  }

  getLeadConversionStatus(leadId: string, conversionId: string, options?: Options) {
    return this.call<Api.LeadConversionStatus>(
      { method: 'GET', path: `${v2}/leads/${id(leadId)}/convert/status/${id(conversionId)}` },
      options,
    )
  }
}
