import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AccountStatus } from '../../../shared/ipc/contract'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { call } from './unwrap'

/** Under keys.auth.all, so 'auth:changed' refreshes it. */
export const accountStatusKey = [...keys.auth.all, 'status'] as const

/** The Pipedrive account ('auth:getStatus'): who is signed in, and how. */
export function useAccountStatus() {
  return useQuery({
    queryKey: accountStatusKey,
    queryFn: () => call(leadbox().auth.getStatus()),
  })
}

/** Each sign-in change answers with the new status; main also sends 'auth:changed'. */
function useAccountChange<T>(change: (input: T) => Promise<AccountStatus>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: (status) => queryClient.setQueryData(accountStatusKey, status),
  })
}

export function useSignInWithToken() {
  return useAccountChange((token: string) => call(leadbox().auth.signInWithToken({ token })))
}

/** Resolves once the browser comes back to Leadbox, or fails. */
export function useSignInWithOAuth() {
  return useAccountChange(() => call(leadbox().auth.signInWithOAuth()))
}

export function useCancelSignIn() {
  return useMutation({ mutationFn: () => call(leadbox().auth.cancelSignIn()) })
}

export function useSignOut() {
  return useAccountChange(() => call(leadbox().auth.signOut()))
}

export function useSetOAuthClient() {
  return useAccountChange((client: { clientId: string; clientSecret: string }) =>
    call(leadbox().auth.setOAuthClient(client)),
  )
}
