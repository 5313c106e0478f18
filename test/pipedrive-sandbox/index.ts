export { startSandbox } from './sandbox'
export type { Faults, Sandbox, SandboxState } from './sandbox'
export type { Plan, SandboxOptions } from './app'
export {
  defaultApiToken,
  defaultClientId,
  defaultClientSecret,
  defaultRedirectUri,
  defaultScope,
} from './app'
export type { Count, RequestMatch, StoreThenFailStatus } from './faults'
export type { LoggedRequest, Outcome } from './request-log'
export type { TokenResponse } from './oauth'
export { approveConsent } from './consent'
export { seedIds } from './seed'
