import type { Result } from '../../../shared/result'
import { LeadboxError } from '../../../shared/result'

/** A failed Result becomes a thrown LeadboxError, so React Query keeps its code and fields. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  const { code, message, fields } = result.error
  throw new LeadboxError(code, message, fields)
}

/** Awaits an IPC call and unwraps its Result. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  return unwrap(await pending)
}
