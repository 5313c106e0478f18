import { LeadboxError, type ErrorCode } from '../../../shared/result'

export interface ErrorDescription {
  message: string
  code: ErrorCode | undefined
}

/** What to tell the user about anything thrown: a LeadboxError keeps its code. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof LeadboxError) return { message: error.message, code: error.code }
  if (error instanceof Error && error.message) return { message: error.message, code: undefined }
  if (typeof error === 'string' && error) return { message: error, code: undefined }
  return { message: 'Something unexpected went wrong.', code: undefined }
}
