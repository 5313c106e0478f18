// v2 lead-to-deal conversion: an asynchronous job the app polls. When it completes the lead is
// gone ("marked as deleted"): it leaves the lists and GET /v1/leads/{id} answers 404.
import type { App } from './app'
import { isInteger, newUuid, uuidPattern } from './formats'
import type { Call, Reply } from './http'
import { failure, isRecord, json, readJson, v2Invalid } from './http'
import type { Router } from './router'
import { reindex } from './search-index'
import type { Conversion } from './store'

export function registerConversions(router: Router): void {
  router.add('POST', 'v2', '/leads/{id}/convert/deal', convert)
  router.add('GET', 'v2', '/leads/{id}/convert/status/{conversion_id}', status)
}

function entityNotFound(): Reply {
  return failure(404, 'Entity was not found', 'Object was not found.')
}

function convert(call: Call): Reply {
  const id = call.params.id ?? ''
  if (!uuidPattern.test(id)) return v2Invalid('id', "Parameter 'id' must be a valid UUID")
  const body = readJson(call, (message) => v2Invalid('body', message))
  if (!body.ok) return body.reply
  const input = body.value
  if (!isRecord(input)) return v2Invalid('body', 'Request body must be an object')
  // The request schema has additionalProperties: false.
  for (const key of Object.keys(input)) {
    if (key !== 'stage_id' && key !== 'pipeline_id') {
      return v2Invalid(key, `Parameter '${key}' is not allowed for this request`)
    }
    if (!isInteger(input[key])) return v2Invalid(key, `Parameter '${key}' must be an integer`)
  }
  const { app } = call
  if (!app.data.leads.has(id)) return entityNotFound()
  const conversion: Conversion = {
    conversion_id: newUuid(),
    lead_id: id,
    status: 'not_started',
    deal_id: null,
    started_at: app.now(),
    polls: 0,
  }
  app.data.conversions.set(conversion.conversion_id, conversion)
  return json(200, {
    success: true,
    data: { conversion_id: conversion.conversion_id },
    additional_data: null,
  })
}

function status(call: Call): Reply {
  const id = call.params.id ?? ''
  const conversionId = call.params.conversion_id ?? ''
  if (!uuidPattern.test(id)) return v2Invalid('id', "Parameter 'id' must be a valid UUID")
  if (!uuidPattern.test(conversionId)) {
    return v2Invalid('conversion_id', "Parameter 'conversion_id' must be a valid UUID")
  }
  const conversion = call.app.data.conversions.get(conversionId)
  if (!conversion || conversion.lead_id !== id) return entityNotFound()
  conversion.polls += 1
  advance(call.app, conversion)
  const data: Record<string, unknown> = {
    lead_id: conversion.lead_id,
    conversion_id: conversion.conversion_id,
    status: conversion.status,
  }
  // "Deal ID is only present if the conversion was successfully finished."
  if (conversion.deal_id !== null) data.deal_id = conversion.deal_id
  return json(200, { success: true, data, additional_data: null })
}

function advance(app: App, conversion: Conversion): void {
  if (conversion.status !== 'not_started' && conversion.status !== 'running') return
  const due =
    conversion.polls >= app.config.conversion.polls ||
    app.now() - conversion.started_at >= app.config.conversion.ms
  if (!due) {
    if (conversion.polls > 0) conversion.status = 'running'
    return
  }
  const lead = app.data.leads.get(conversion.lead_id)
  if (!lead || app.faults.failConversions) {
    conversion.status = 'failed'
    return
  }
  conversion.status = 'completed'
  const dealId = app.data.nextId.deal++
  conversion.deal_id = dealId
  moveToDeal(app, lead.id, dealId)
  app.data.leads.delete(lead.id)
  app.data.removedLeads.set(lead.id, { ...lead, removed: 'converted' })
  reindex(app, 'leads', lead.id, null)
}

/** Lets time alone finish conversions, so a lead disappears even if nobody polls. */
export function settleConversions(app: App): void {
  if (app.data.conversions.size === 0) return
  for (const conversion of app.data.conversions.values()) {
    if (conversion.status === 'not_started' || conversion.status === 'running') {
      if (app.now() - conversion.started_at >= app.config.conversion.ms) advance(app, conversion)
    }
  }
}

/**
 * "Related entities (notes, files, emails, activities, ...) are transferred during the process
 * to the target entity" (v2 convertLeadToDeal). The spec says no more, so each belongs to the
 * deal alone afterwards: it takes the deal's id and leaves the lead's, and lists by deal find it.
 */
function moveToDeal(app: App, leadId: string, dealId: number): void {
  const now = app.now()
  for (const activity of app.data.activities.values()) {
    if (activity.lead_id !== leadId) continue
    activity.lead_id = null
    activity.deal_id = dealId
    activity.update_time = Math.max(now, activity.update_time + 1)
  }
  for (const note of app.data.notes.values()) {
    if (note.lead_id !== leadId) continue
    note.lead_id = null
    note.deal_id = dealId
    note.pinned_to_lead_flag = false
    note.update_time = Math.max(now, note.update_time + 1)
  }
}
