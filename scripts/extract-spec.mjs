// Extracts the parts of Pipedrive's official OpenAPI files that Leadbox relies on into small JSON
// files committed under test/pipedrive-sandbox/spec/, so tests and the sandbox never need the
// multi-megabyte originals (which live outside the repository).
//
// Usage: npm run spec:extract -- <openapi-v1.yaml> <openapi-v2.yaml>
// (Pipedrive publishes them at developers.pipedrive.com/docs/api/v1/openapi.yaml and
// openapi-v2.yaml.)

import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
if (process.argv.length < 4) {
  console.error('Usage: npm run spec:extract -- <openapi-v1.yaml> <openapi-v2.yaml>')
  process.exit(2)
}
const v1Path = resolve(process.argv[2])
const v2Path = resolve(process.argv[3])
const outDir = join(repoRoot, 'test/pipedrive-sandbox/spec')

// The operations the app calls, per spec file (paths as written in the spec).
const wanted = {
  v1: [
    'GET /leads',
    'POST /leads',
    'GET /leads/archived',
    'GET /leads/{id}',
    'PATCH /leads/{id}',
    'DELETE /leads/{id}',
    'GET /leads/search',
    'GET /leadLabels',
    'POST /leadLabels',
    'PATCH /leadLabels/{id}',
    'DELETE /leadLabels/{id}',
    'GET /leadSources',
    'GET /leadFields',
    'GET /dealFields',
    'GET /users',
    'GET /users/me',
    'GET /currencies',
    'POST /notes',
    'GET /oauth/authorize',
    'POST /oauth/token',
    'POST /oauth/token/',
    // Appended, not sorted in: $defs are named in this order, and earlier names must not shift.
    'GET /notes',
    'GET /activityTypes',
  ],
  v2: [
    'GET /persons',
    'POST /persons',
    'GET /persons/{id}',
    'GET /persons/search',
    'GET /organizations',
    'POST /organizations',
    'GET /organizations/{id}',
    'GET /organizations/search',
    'GET /leads/search',
    'POST /leads/{id}/convert/deal',
    'GET /leads/{id}/convert/status/{conversion_id}',
    // Appended for the same reason as v1's.
    'GET /activities',
    'POST /activities',
    'PATCH /activities/{id}',
  ],
}

// Places where the spec types a value as always present but Pipedrive documents (or the data
// model forces) a null. Each one is applied to the named response and recorded in the output so
// nobody mistakes it for the official text.
const nullableOverrides = [
  {
    spec: 'v2',
    operations: [
      'GET /persons',
      'GET /organizations',
      'GET /persons/search',
      'GET /organizations/search',
      'GET /leads/search',
    ],
    properties: ['next_cursor'],
    reason:
      'The pagination docs say next_cursor is null on the last page; other v2 lists in the same file already mark it nullable.',
  },
  {
    spec: 'v2',
    operations: ['GET /persons', 'POST /persons', 'GET /persons/{id}'],
    properties: ['org_id', 'picture_id'],
    reason:
      'A person need not belong to an organization or have a picture (both optional on create).',
  },
  {
    spec: 'v2',
    operations: ['GET /persons/search'],
    properties: ['organization'],
    reason: 'A person found by search need not belong to an organization.',
  },
  {
    spec: 'v2',
    operations: ['GET /organizations/search'],
    properties: ['address'],
    reason: 'An organization need not have an address.',
  },
  {
    spec: 'v1',
    operations: ['GET /leads/search'],
    properties: ['person', 'organization', 'value', 'currency'],
    reason:
      'A lead is linked to a person or an organization (not necessarily both) and its value is nullable in the Lead schema.',
  },
  {
    spec: 'v2',
    operations: ['GET /leads/search'],
    properties: ['person', 'organization', 'value', 'currency'],
    reason:
      'A lead is linked to a person or an organization (not necessarily both) and its value is nullable in the Lead schema.',
  },
  {
    spec: 'v1',
    operations: ['POST /notes', 'GET /notes'],
    properties: [
      'lead_id',
      'deal_id',
      'person_id',
      'org_id',
      'project_id',
      'task_id',
      'deal',
      'person',
      'organization',
      'project',
      'task',
    ],
    reason:
      'A note is attached to some of lead, deal, person, organization, project or task; the others are null.',
  },
  {
    spec: 'v2',
    operations: ['GET /activities', 'POST /activities', 'PATCH /activities/{id}'],
    properties: [
      'next_cursor',
      'deal_id',
      'lead_id',
      'person_id',
      'org_id',
      'project_id',
      'due_date',
      'due_time',
      'duration',
      'marked_as_done_time',
      'location',
      'conference_meeting_client',
      'conference_meeting_url',
      'conference_meeting_id',
      'public_description',
      'priority',
      'note',
    ],
    reason:
      'An activity is linked to some of deal, lead, person, organization or project, and its time, duration, location, meeting and texts are optional on create; what is not set is null.',
  },
]

const proseKeys = new Set(['description', 'example', 'examples', 'summary', 'externalDocs'])

/** Drops prose and vendor extensions, and turns OpenAPI 3.0 `nullable` into JSON Schema. */
function clean(node) {
  if (Array.isArray(node)) return node.map(clean)
  if (!node || typeof node !== 'object') return node
  const out = {}
  for (const [key, value] of Object.entries(node)) {
    if (proseKeys.has(key) || key.startsWith('x-')) continue
    // A property literally named like a prose key is data, not prose.
    out[key] = key === 'properties' ? cleanProperties(value) : clean(value)
  }
  return convertNullable(out)
}

function cleanProperties(properties) {
  const out = {}
  for (const [name, schema] of Object.entries(properties)) out[name] = clean(schema)
  return out
}

// allOf members that carry nothing but a title ("FieldsResponse") are noise for a validator.
function dropEmptyMembers(schema) {
  if (!Array.isArray(schema.allOf)) return schema
  const members = schema.allOf.filter((m) => Object.keys(m).some((k) => k !== 'title'))
  return { ...schema, allOf: members }
}

function convertNullable(schema) {
  schema = dropEmptyMembers(schema)
  if (schema.nullable === undefined) return schema
  const { nullable, ...rest } = schema
  if (nullable !== true) return rest
  return makeNullable(rest)
}

function makeNullable(schema) {
  const simple = typeof schema.type === 'string' && !schema.allOf && !schema.anyOf && !schema.oneOf
  if (simple) {
    const out = { ...schema, type: [schema.type, 'null'] }
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
    return out
  }
  if (Array.isArray(schema.type) && schema.type.includes('null')) return schema
  return { anyOf: [{ type: 'null' }, schema] }
}

/** Applies makeNullable to every property with one of the given names. */
function overrideNullable(node, names) {
  if (Array.isArray(node)) return node.map((n) => overrideNullable(n, names))
  if (!node || typeof node !== 'object') return node
  const out = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') {
      out.properties = {}
      for (const [name, schema] of Object.entries(value)) {
        const inner = overrideNullable(schema, names)
        out.properties[name] = names.includes(name) ? makeNullable(inner) : inner
      }
    } else {
      out[key] = overrideNullable(value, names)
    }
  }
  return out
}

function stableStringify(value) {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * Hoists repeated titled sub-schemas (Lead, LeadLabel, BaseUser…) into $defs and points at them
 * with local $refs, which keeps the extract small and readable. Differing schemas that share a
 * title get numbered names.
 */
function createDefs() {
  const defs = {}
  const byHash = new Map()
  const usedNames = new Set()
  function nameFor(title) {
    const base = title.replace(/[^A-Za-z0-9_]/g, '') || 'Schema'
    let name = base
    for (let n = 2; usedNames.has(name); n++) name = `${base}${n}`
    usedNames.add(name)
    return name
  }
  function hoist(schema, fallbackTitle) {
    const hash = createHash('sha1').update(stableStringify(schema)).digest('hex')
    let name = byHash.get(hash)
    if (!name) {
      name = nameFor(schema.title ?? fallbackTitle)
      byHash.set(hash, name)
      defs[name] = schema
    }
    return { $ref: `#/$defs/${name}` }
  }
  function walkChildren(node) {
    const out = {}
    for (const [key, value] of Object.entries(node)) out[key] = walk(value)
    return out
  }
  function walk(node) {
    if (Array.isArray(node)) return node.map(walk)
    if (!node || typeof node !== 'object') return node
    const out = walkChildren(node)
    return typeof out.title === 'string' ? hoist(out, out.title) : out
  }
  /** Hoists a whole request or response schema, named by its title or the fallback. */
  function top(schema, fallback) {
    if (Object.keys(schema).length === 0) return {}
    return hoist(walkChildren(schema), fallback)
  }
  return { defs, top }
}

const loaded = new Map()

function loadSpec(path) {
  const cached = loaded.get(path)
  if (cached) return cached
  if (!existsSync(path)) {
    console.error(`Cannot find ${path}. Pass the official OpenAPI files as arguments.`)
    process.exit(1)
  }
  const text = readFileSync(path, 'utf8')
  const spec = { doc: YAML.parse(text), sha256: createHash('sha256').update(text).digest('hex') }
  loaded.set(path, spec)
  return spec
}

const methods = ['get', 'post', 'put', 'patch', 'delete']

function operationFor(doc, key) {
  const [method, path] = key.split(' ')
  const op = doc.paths?.[path]?.[method.toLowerCase()]
  if (!op) throw new Error(`Operation ${key} is missing from the spec`)
  return op
}

function extract(name, file) {
  const { doc, sha256 } = loadSpec(file)
  const { defs, top } = createDefs()
  const operations = {}
  for (const key of wanted[name]) {
    const op = operationFor(doc, key)
    const overrides = nullableOverrides.filter((o) => o.spec === name && o.operations.includes(key))
    const entry = { operationId: op.operationId }
    if (op.parameters) {
      entry.parameters = op.parameters.map((p) => {
        const param = { in: p.in, name: p.name, schema: clean(p.schema ?? {}) }
        if (p.required) param.required = true
        return param
      })
    }
    const body = op.requestBody?.content
    if (body) {
      const [mediaType, content] = Object.entries(body)[0]
      entry.requestBody = {
        mediaType,
        schema: top(clean(content.schema ?? {}), `${op.operationId}Request`),
      }
    }
    entry.responses = {}
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const [mediaType, content] = Object.entries(response.content ?? {})[0] ?? []
      if (!mediaType) continue
      let schema = clean(content.schema ?? {})
      for (const o of overrides) schema = overrideNullable(schema, o.properties)
      entry.responses[status] = {
        mediaType,
        schema: top(schema, `${op.operationId}${status}Response`),
      }
    }
    operations[key] = entry
  }
  return {
    source: { title: doc.info?.title, version: doc.info?.version, sha256 },
    overrides: nullableOverrides
      .filter((o) => o.spec === name)
      .map(({ operations: ops, properties, reason }) => ({ operations: ops, properties, reason })),
    operations,
    $defs: defs,
  }
}

// x-token-cost and OAuth scopes of every operation, keyed the way the sandbox routes requests.
function tokenCosts(doc, prefix) {
  const costs = {}
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods) {
      const op = item[method]
      if (!op) continue
      const isOAuth = Array.isArray(op.servers) && op.servers.some((s) => s.url.includes('oauth'))
      const key = `${method.toUpperCase()} ${isOAuth ? path.replace(/\/$/, '') : prefix + path}`
      const scopes =
        op.security?.flatMap((s) => s.oauth2 ?? []).filter((s, i, all) => all.indexOf(s) === i) ??
        []
      costs[key] = { cost: op['x-token-cost'] ?? null, scopes }
    }
  }
  return costs
}

// The hand-written table beside the specs must agree with what we extract; it is optional.
function crossCheck(costs, tsvPath) {
  if (!existsSync(tsvPath)) return
  const lines = readFileSync(tsvPath, 'utf8').trim().split('\n').slice(1)
  let mismatches = 0
  for (const line of lines) {
    const [, method, rawPath, , cost] = line.split('\t')
    const path = rawPath.replace('https://oauth.pipedrive.com', '').replace(/\/$/, '')
    const found = costs[`${method} ${path}`]
    if (!found || String(found.cost) !== cost) {
      mismatches++
      console.warn(`token-costs.tsv disagrees for ${method} ${path}: ${found?.cost} vs ${cost}`)
    }
  }
  console.log(`Cross-checked ${lines.length} rows of token-costs.tsv, ${mismatches} mismatches`)
}

function write(name, data) {
  const path = join(outDir, name)
  writeFileSync(path, `${JSON.stringify(data, null, 1)}\n`)
  console.log(`Wrote ${path.slice(repoRoot.length + 1)} (${readFileSync(path).length} bytes)`)
}

mkdirSync(outDir, { recursive: true })
const v1 = extract('v1', v1Path)
const v2 = extract('v2', v2Path)
write('pipedrive-v1.schemas.json', v1)
write('pipedrive-v2.schemas.json', v2)

const costs = {
  ...tokenCosts(loadSpec(v1Path).doc, '/api/v1'),
  ...tokenCosts(loadSpec(v2Path).doc, '/api/v2'),
}
const sorted = Object.fromEntries(Object.entries(costs).sort(([a], [b]) => a.localeCompare(b)))
write('token-costs.json', sorted)
crossCheck(costs, join(dirname(v1Path), 'token-costs.tsv'))
