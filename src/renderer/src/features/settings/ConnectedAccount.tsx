import type { AccountStatus } from '../../../../shared/ipc/contract'
import { useSignOut } from '../../api/account'
import { InlineError } from '../../ui/InlineError'

type Account = NonNullable<AccountStatus['account']>

const authLabels: Record<Account['authType'], string> = {
  api_token: 'Personal API token',
  oauth: 'Signed in with Pipedrive',
}

export function ConnectedAccount({ account }: { account: Account }) {
  const signOut = useSignOut()
  return (
    <>
      <p>Connected. New leads go to this account.</p>
      <dl className="details" aria-label="Connected Pipedrive account">
        <dt>User</dt>
        <dd>{account.userName}</dd>
        <dt>Email</dt>
        <dd>{account.userEmail}</dd>
        <dt>Company</dt>
        <dd>{account.companyName}</dd>
        <dt>Address</dt>
        <dd>{account.companyDomain}.pipedrive.com</dd>
        <dt>Connected with</dt>
        <dd>{authLabels[account.authType]}</dd>
      </dl>
      <div className="settings-section__actions">
        <button
          type="button"
          className="button"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
      <p className="muted">Signing out keeps every lead waiting in the outbox.</p>
      {signOut.isError ? <InlineError title="Could not sign out" error={signOut.error} /> : null}
    </>
  )
}
