// The company's reference data the app reads: users, currencies, lead labels, lead sources,
// deal and lead fields.
import { intParam, newUuid, uuidPattern } from './formats'
import type { Call, Reply } from './http'
import { failure, invalidDataset, isRecord, json, readJson } from './http'
import type { Router } from './router'
import type { DealField, LabelColor } from './store'
import { currentUserView, fieldView, labelView, userView } from './views'

const labelColors: LabelColor[] = [
  'blue',
  'brown',
  'dark-gray',
  'gray',
  'green',
  'orange',
  'pink',
  'purple',
  'red',
  'yellow',
]

// Fixed by Pipedrive: "the list of lead sources is fixed".
export const leadSources = [
  'Manually created',
  'Deal',
  'Web forms',
  'Prospector',
  'Leadbooster',
  'Live chat',
  'Import',
  'Website visitors',
  'Workflow automation',
  'API',
]

export function registerAccount(router: Router): void {
  router.add('GET', 'v1', '/users', listUsers)
  router.add('GET', 'v1', '/users/me', currentUser)
  router.add('GET', 'v1', '/currencies', listCurrencies)
  router.add('GET', 'v1', '/leadSources', () =>
    json(200, { success: true, data: leadSources.map((name) => ({ name })) }),
  )
  router.add('GET', 'v1', '/dealFields', (call) => listFields(call, call.app.data.dealFields))
  router.add('GET', 'v1', '/leadFields', (call) => listFields(call, leadFields(call)))
  router.add('GET', 'v1', '/leadLabels', listLabels)
  router.add('POST', 'v1', '/leadLabels', addLabel)
  router.add('PATCH', 'v1', '/leadLabels/{id}', updateLabel)
  router.add('DELETE', 'v1', '/leadLabels/{id}', deleteLabel)
}

function listUsers(call: Call): Reply {
  const { users, meId } = call.app.data
  return json(200, { success: true, data: users.map((u) => userView(u, meId)) })
}

function currentUser(call: Call): Reply {
  const user = call.app.data.users.find((u) => u.id === call.principal?.userId)
  if (!user) return json(401, { success: false, error: 'unauthorized access', errorCode: 401 })
  return json(200, { success: true, data: currentUserView(call.app.data, user) })
}

function listCurrencies(call: Call): Reply {
  const term = call.query.get('term')?.toLowerCase()
  const data = call.app.data.currencies
    .filter(
      (c) => !term || c.code.toLowerCase().includes(term) || c.name.toLowerCase().includes(term),
    )
    .map((c) => ({ ...c }))
  return json(200, { success: true, data })
}

/**
 * Lead fields: the lead's own fields (no numeric id, hence `id: null` which the schema allows)
 * followed by the custom deal fields leads inherit.
 */
function leadFields(call: Call): DealField[] {
  const { dealFields, leadLabels } = call.app.data
  const at = dealFields[0]?.add_time ?? 0
  const own = (
    key: string,
    name: string,
    field_type: DealField['field_type'],
    extra: Partial<DealField> = {},
  ): DealField => ({
    id: -1,
    key,
    name,
    field_type,
    options: null,
    custom: false,
    on_leads: true,
    mandatory: false,
    add_time: at,
    ...extra,
  })
  const channel = dealFields.find((f) => f.key === 'channel')
  return [
    own('title', 'Title', 'varchar', { mandatory: true }),
    own('owner_id', 'Owner', 'user'),
    own('person_id', 'Person', 'people'),
    own('organization_id', 'Organization', 'org'),
    own('value', 'Value', 'monetary'),
    own('expected_close_date', 'Expected close date', 'date'),
    own('label_ids', 'Labels', 'set', {
      options: [...leadLabels.values()].map((l) => ({ id: l.id, label: l.name })),
    }),
    own('source_name', 'Source', 'varchar'),
    own('visible_to', 'Visible to', 'visible_to'),
    own('channel', 'Source channel', 'enum', { options: channel?.options ?? [] }),
    own('channel_id', 'Source channel ID', 'varchar'),
    own('origin_id', 'Source origin ID', 'varchar'),
    own('add_time', 'Lead created', 'date'),
    own('update_time', 'Update time', 'date'),
    ...dealFields.filter((f) => f.custom && f.on_leads),
  ]
}

function listFields(call: Call, fields: DealField[]): Reply {
  const start = intParam(call.query.get('start'))
  const limit = intParam(call.query.get('limit'))
  if (start === null) return invalidDataset('"start" must be a number')
  if (limit === null) return invalidDataset('"limit" must be a number')
  const from = start ?? 0
  const size = Math.min(Math.max(limit ?? 100, 1), 500)
  const page = fields.slice(from, from + size)
  const more = from + size < fields.length
  const meId = call.app.data.meId
  return json(200, {
    success: true,
    data: page.map((f, i) => {
      const view = fieldView(f, from + i + 1, meId)
      return f.id < 0 ? { ...view, id: null } : view
    }),
    // The spec's examples nest these under pagination (the schema is looser).
    additional_data: {
      pagination: {
        start: from,
        limit: size,
        more_items_in_collection: more,
        ...(more ? { next_start: from + size } : {}),
      },
    },
  })
}

function listLabels(call: Call): Reply {
  return json(200, { success: true, data: [...call.app.data.leadLabels.values()].map(labelView) })
}

function labelNotFound(): Reply {
  return failure(404, 'requested lead label not found', 'Object was not found.')
}

function readLabel(
  call: Call,
  mode: 'create' | 'update',
): Reply | { name?: string; color?: LabelColor } {
  const body = readJson(call, invalidDataset)
  if (!body.ok) return body.reply
  const value = body.value
  if (!isRecord(value)) return invalidDataset('"value" must be of type object')
  for (const key of Object.keys(value)) {
    if (key !== 'name' && key !== 'color') return invalidDataset(`"${key}" is not allowed`)
  }
  if (mode === 'create' && !('name' in value)) return invalidDataset('"name" is required')
  if (mode === 'create' && !('color' in value)) return invalidDataset('"color" is required')
  const out: { name?: string; color?: LabelColor } = {}
  if ('name' in value) {
    if (typeof value.name !== 'string') return invalidDataset('"name" must be a string')
    if (value.name.trim() === '') return invalidDataset('"name" is not allowed to be empty')
    out.name = value.name
  }
  if ('color' in value) {
    if (!labelColors.includes(value.color as LabelColor)) {
      return invalidDataset(`"color" must be one of [${labelColors.join(', ')}]`)
    }
    out.color = value.color as LabelColor
  }
  return out
}

function addLabel(call: Call): Reply {
  const input = readLabel(call, 'create')
  if ('status' in input) return input
  const now = call.app.now()
  const label = {
    id: newUuid(),
    name: input.name as string,
    color: input.color as LabelColor,
    add_time: now,
    update_time: now,
  }
  call.app.data.leadLabels.set(label.id, label)
  // The spec documents 200 here, not 201.
  return json(200, { success: true, data: labelView(label) })
}

function findLabel(call: Call) {
  const id = call.params.id ?? ''
  if (!uuidPattern.test(id)) return invalidDataset('"id" must be a valid GUID')
  return call.app.data.leadLabels.get(id) ?? labelNotFound()
}

function updateLabel(call: Call): Reply {
  const label = findLabel(call)
  if ('status' in label) return label
  const input = readLabel(call, 'update')
  if ('status' in input) return input
  Object.assign(label, input)
  label.update_time = call.app.now()
  return json(200, { success: true, data: labelView(label) })
}

function deleteLabel(call: Call): Reply {
  const label = findLabel(call)
  if ('status' in label) return label
  const data = call.app.data
  data.leadLabels.delete(label.id)
  for (const lead of data.leads.values()) {
    lead.label_ids = lead.label_ids.filter((id) => id !== label.id)
  }
  return json(200, { success: true, data: { id: label.id } })
}
