import { z } from 'zod'
import type { AuthType } from '../../../shared/ipc/contract'
import { LeadboxError } from '../../../shared/result'
import { accountKey } from '../auth/keychain-items'
import { PipedriveFailure } from '../pipedrive/failure'
import type { AuthCredentials, PipedriveAuth, SentRequest } from '../pipedrive/pipedrive-http'
import type { AccountRecord } from './account-record'
import { httpStack, type HttpOptions } from './account-session'

const currentUserSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  company_id: z.number().int(),
  company_name: z.string(),
  company_domain: z.string(),
})

const tokenRefused =
  'Pipedrive did not accept this API token. Copy it again from Pipedrive (your name → Personal preferences → API) and paste it here.'
const unreachable = 'Leadbox could not reach Pipedrive. Check your connection and try again.'

/**
 * GET /v1/users/me with credentials that are not stored yet: whose account they open, in
 * plain-language refusals when they open none. `onCounted` hears of each request once the
 * answer says whose budget paid for it.
 */
export async function whoAmI(
  options: HttpOptions,
  credentials: AuthCredentials,
  authType: AuthType,
  onCounted: (account: string, request: SentRequest) => void,
): Promise<AccountRecord> {
  const auth: PipedriveAuth = { credentials: async () => credentials }
  const sent: SentRequest[] = []
  const { client } = httpStack(options, auth, authType, (request) => void sent.push(request))
  let data: unknown
  try {
    data = (await client.getCurrentUser()).data
  } catch (error) {
    if (!(error instanceof PipedriveFailure)) throw error
    if (error.kind === 'unauthorized') {
      throw new LeadboxError(
        'pipedrive_rejected',
        authType === 'api_token' ? tokenRefused : 'Pipedrive did not accept the sign-in.',
      )
    }
    if (error.kind === 'redirected') throw new LeadboxError('offline', error.message)
    if (error.kind === 'not_sent' || error.status === null) {
      throw new LeadboxError('offline', unreachable)
    }
    throw new LeadboxError('pipedrive_rejected', error.message)
  }
  const me = currentUserSchema.safeParse(data)
  if (!me.success) {
    throw new LeadboxError(
      'pipedrive_rejected',
      'Pipedrive did not say who this account belongs to.',
    )
  }
  const id = accountKey(me.data.company_id, me.data.id)
  for (const request of sent) onCounted(id, request)
  return {
    id,
    authType,
    userId: me.data.id,
    userName: me.data.name,
    userEmail: me.data.email,
    companyId: me.data.company_id,
    companyName: me.data.company_name,
    companyDomain: me.data.company_domain,
    connectedAt: options.now(),
  }
}
