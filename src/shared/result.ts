import type { z } from 'zod'

/**
 * Every failure that crosses a process boundary has one of these codes, so the renderer
 * can decide what to show without parsing messages.
 */
export const errorCodes = [
  'invalid_request',
  'forbidden_sender',
  'unknown_channel',
  'not_found',
  'keychain_unavailable',
  'database_unavailable',
  'pipedrive_rejected',
  'offline',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

// A plain type, no schema: the renderer's windows use this module, and zod would weigh on
// the quick-add window's start.
export type AppError = {
  code: ErrorCode
  message: string
  /** Field path → message, for forms. */
  fields?: Record<string, string> | undefined
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): Result<never> => ({ ok: false, error: fields ? { code, message, fields } : { code, message } })

/** An error that carries its code across layers; main turns it into a failed Result. */
export class LeadboxError extends Error {
  readonly code: ErrorCode
  readonly fields: Record<string, string> | undefined

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'LeadboxError'
    this.code = code
    this.fields = fields
  }

  toAppError(): AppError {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message }
  }
}

/** Turns zod issues into the `fields` map forms show next to each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(root)'
    fields[key] ??= issue.message
  }
  return fields
}
