import { LeadboxError } from '../../../shared/result'

/**
 * Where Leadbox talks to Pipedrive. In production: https://{company_domain}.pipedrive.com for
 * an API token, the `api_domain` of each token response for OAuth, and oauth.pipedrive.com.
 * In development one URL (LEADBOX_PIPEDRIVE_URL, the sandbox) replaces all of them.
 */
export interface PipedriveUrls {
  /** The development override, when set. */
  override: string | null
  /** Where the OAuth authorize, token and revoke endpoints live. */
  oauthBase: string
  /** Where an API token is checked before its company is known. */
  tokenCheckBase: string
  apiBaseForCompany(companyDomain: string): string
  apiBaseFromOAuth(apiDomain: string): string
}

export const productionOAuthBase = 'https://oauth.pipedrive.com'
export const productionApiBase = 'https://api.pipedrive.com'

/** A plain http(s) origin, or an error that says what is wrong with it. */
export function parseOverride(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new LeadboxError('invalid_request', `LEADBOX_PIPEDRIVE_URL is not a URL: ${value}`)
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new LeadboxError('invalid_request', 'LEADBOX_PIPEDRIVE_URL must be a plain http(s) URL.')
  }
  return url.origin
}

const companyDomainPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i

export function pipedriveUrls(override?: string | null): PipedriveUrls {
  const origin = override ? parseOverride(override) : null
  return {
    override: origin,
    oauthBase: origin ?? productionOAuthBase,
    tokenCheckBase: origin ?? productionApiBase,
    apiBaseForCompany(companyDomain) {
      if (origin) return origin
      // It becomes a host name: anything but a plain label could point the token elsewhere.
      if (!companyDomainPattern.test(companyDomain)) {
        throw new LeadboxError(
          'pipedrive_rejected',
          'Pipedrive sent a company domain Leadbox does not understand.',
        )
      }
      return `https://${companyDomain.toLowerCase()}.pipedrive.com`
    },
    apiBaseFromOAuth(apiDomain) {
      if (origin) return origin
      let url: URL | null
      try {
        url = new URL(apiDomain)
      } catch {
        url = null
      }
      if (!url || url.protocol !== 'https:' || !url.hostname.endsWith('.pipedrive.com')) {
        throw new LeadboxError(
          'pipedrive_rejected',
          'Pipedrive sent an API address that is not on pipedrive.com.',
        )
      }
      return url.origin
    },
  }
}
