import type { LeadboxApi } from '../../../shared/ipc/leadbox-api'
import { LeadboxError } from '../../../shared/result'

/**
 * The only reader of `window.leadbox`. A page opened without the preload (a plain browser
 * tab, a broken build) gets a clear error instead of "cannot read properties of undefined".
 */
export function leadbox(): LeadboxApi {
  const api = typeof window === 'undefined' ? undefined : (window.leadbox as LeadboxApi | undefined)
  if (!api) {
    throw new LeadboxError(
      'internal',
      'Leadbox cannot reach its main process: this page was opened outside the app.',
    )
  }
  return api
}
