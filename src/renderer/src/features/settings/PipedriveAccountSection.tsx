import './account.css'
import { useAccountStatus } from '../../api/account'
import { InlineError } from '../../ui/InlineError'
import { ApiTokenForm } from './ApiTokenForm'
import { ConnectedAccount } from './ConnectedAccount'
import { OAuthSignIn } from './OAuthSignIn'
import { SettingsSection } from './SettingsSection'

export function PipedriveAccountSection() {
  const status = useAccountStatus()

  return (
    <SettingsSection title="Pipedrive account">
      {status.isError ? (
        <InlineError
          title="Could not check the account"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : status.isPending ? (
        <p className="muted">Checking…</p>
      ) : (
        <>
          {status.data.notice ? (
            <div className="notice notice--warning" role="status">
              <p>{status.data.notice}</p>
            </div>
          ) : null}
          {status.data.account ? (
            <ConnectedAccount account={status.data.account} />
          ) : (
            <>
              <p>
                Not connected. Leads you capture wait in the outbox until you connect an account.
              </p>
              <div className="account-choices">
                <ApiTokenForm />
                {status.data.oauth.configured && status.data.oauth.source === 'build' ? (
                  <OAuthSignIn status={status.data} />
                ) : (
                  // Signing in through Pipedrive needs an app of one's own in Pipedrive's
                  // Developer Hub: for teams that set one up, not the first thing to try.
                  <details
                    className="account-more"
                    open={status.data.signingIn || status.data.oauth.configured || undefined}
                  >
                    <summary>Or sign in through your team's Pipedrive app</summary>
                    <OAuthSignIn status={status.data} />
                  </details>
                )}
              </div>
            </>
          )}
        </>
      )}
    </SettingsSection>
  )
}
