import {
  contract,
  isChannel,
  type Channel,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc/contract'
import { draftIssueMessage } from '../../shared/quick-add/draft-messages'
import { LeadboxError, fail, fieldErrors, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log/logger'
import { pageMayCall } from '../security/page-channels'
import type { AppPage } from '../security/trusted-sender'

export type Handlers = {
  [C in Channel]: (payload: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>
}

export interface RouterOptions {
  handlers: Handlers
  /** Which of our own pages this frame URL is; null for anything else. */
  senderPage: (frameUrl: string | undefined) => AppPage | null
  log: Logger
}

export type Route = (
  channel: unknown,
  payload: unknown,
  frameUrl: string | undefined,
) => Promise<Result<unknown>>

/**
 * The one door into main. Nothing runs before the sender, its right to the channel and the
 * payload are checked, and every outcome, thrown or not, leaves as a typed Result:
 * ipcRenderer.invoke would otherwise drop an error's code and fields.
 */
export function createRouter({ handlers, senderPage, log }: RouterOptions): Route {
  return async (channel, payload, frameUrl) => {
    const page = senderPage(frameUrl)
    if (page === null) {
      log.warn({ channel: String(channel).slice(0, 64) }, 'ipc refused: untrusted sender')
      return fail('forbidden_sender', 'This request did not come from a Leadbox window.')
    }
    if (!isChannel(channel)) {
      return fail('unknown_channel', 'Leadbox does not know this request.')
    }
    // Each page gets the channels it needs, so a page gone wrong can do only its own job.
    if (!pageMayCall(page, channel)) {
      log.warn({ channel, page }, 'ipc refused: not for this page')
      return fail(
        'forbidden_sender',
        "The quick-add window cannot do this. Open Leadbox's main window to do it there.",
      )
    }
    const spec = contract[channel]
    // A refused lead's fields reach the user as they are: in plain words, not zod's.
    const parsed = spec.request.safeParse(payload, { error: draftIssueMessage })
    if (!parsed.success) {
      log.warn({ channel }, 'ipc refused: invalid payload')
      return fail('invalid_request', 'The request was not valid.', fieldErrors(parsed.error))
    }
    try {
      const handler = handlers[channel] as (payload: unknown) => unknown
      const value = await handler(parsed.data)
      const answer = spec.response.safeParse(value)
      if (!answer.success) {
        log.error({ channel, issues: answer.error.issues.length }, 'ipc answer broke the contract')
        return fail('internal', 'Leadbox made an answer it could not send. This is a bug.')
      }
      return ok(answer.data)
    } catch (error) {
      if (error instanceof LeadboxError) return { ok: false, error: error.toAppError() }
      log.error({ channel, err: error }, 'ipc handler failed')
      return fail('internal', 'Something went wrong inside Leadbox. The details are in the log.')
    }
  }
}
