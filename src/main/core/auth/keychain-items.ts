/**
 * Names of Leadbox's items in the OS keychain (service "Leadbox"). One Pipedrive user in one
 * company is one account, whichever way it signed in.
 */
export const keychainItems = {
  apiToken: (account: string) => `${account}:api-token`,
  /** JSON of the OAuth token set: access and refresh token, expiry, api_domain. */
  oauthTokens: (account: string) => `${account}:oauth`,
  oauthClientSecret: (clientId: string) => `oauth-client:${clientId}`,
}

/** `${companyId}:${userId}`: how the outbox and the keychain name an account. */
export const accountKey = (companyId: number, userId: number) => `${companyId}:${userId}`
