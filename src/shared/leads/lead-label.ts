import { z } from 'zod'

/** The colors Pipedrive allows a lead label (addLeadLabel's `color` enum). */
export const leadLabelColors = [
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
] as const
export type LeadLabelColor = (typeof leadLabelColors)[number]

/**
 * A label to create in Pipedrive. The spec sets no length; 255 is Leadbox's own bound, as
 * for other names it sends.
 */
export const newLeadLabelSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the label a name')
    .max(255, 'A label name has at most 255 characters'),
  color: z.enum(leadLabelColors),
})
export type NewLeadLabel = z.infer<typeof newLeadLabelSchema>

export const leadLabelSchema = z.object({ id: z.string(), name: z.string(), color: z.string() })
export type LeadLabelData = z.infer<typeof leadLabelSchema>

/** Label names are the same when they differ only in case or spacing. */
export function sameLabelName(a: string, b: string): boolean {
  const key = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase()
  return key(a) === key(b)
}
