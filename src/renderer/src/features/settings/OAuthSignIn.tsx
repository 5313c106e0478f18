import { useId, useState, type FormEvent } from 'react'
import type { AccountStatus } from '../../../../shared/ipc/contract'
import { LeadboxError } from '../../../../shared/result'
import { useCancelSignIn, useSetOAuthClient, useSignInWithOAuth } from '../../api/account'
import { InlineError } from '../../ui/InlineError'

export function OAuthSignIn({ status }: { status: AccountStatus }) {
  const signIn = useSignInWithOAuth()
  const cancel = useCancelSignIn()
  const [editing, setEditing] = useState(false)
  const titleId = useId()
  const { oauth } = status
  const waiting = signIn.isPending || status.signingIn
  const cancelled =
    signIn.error instanceof LeadboxError && signIn.error.message === 'The sign-in was cancelled.'

  return (
    <div className="account-choice" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="account-choice__title">
        Sign in with Pipedrive
      </h3>
      {oauth.configured && !editing ? (
        <>
          <p className="muted">
            Opens Pipedrive in your browser. Allow Leadbox there, then come back here.
          </p>
          {waiting ? (
            <div className="waiting" role="status">
              <span>Waiting for you to finish signing in in your browser…</span>
              <button
                type="button"
                className="button"
                disabled={cancel.isPending}
                onClick={() => cancel.mutate()}
              >
                Cancel
              </button>
            </div>
          ) : (
            <div className="settings-section__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => signIn.mutate(undefined)}
              >
                Sign in with Pipedrive
              </button>
              {oauth.source === 'settings' ? (
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  Change Pipedrive app
                </button>
              ) : null}
            </div>
          )}
          {signIn.isError && !cancelled && !waiting ? (
            <InlineError title="Could not sign in with Pipedrive" error={signIn.error} />
          ) : null}
        </>
      ) : (
        <OAuthAppForm status={status} onDone={() => setEditing(false)} canCancel={editing} />
      )}
    </div>
  )
}

function OAuthAppForm({
  status,
  onDone,
  canCancel,
}: {
  status: AccountStatus
  onDone(): void
  canCancel: boolean
}) {
  const save = useSetOAuthClient()
  const [clientId, setClientId] = useState(status.oauth.clientId ?? '')
  const [clientSecret, setClientSecret] = useState('')
  const idId = useId()
  const secretId = useId()
  const helpId = useId()
  const fields = save.error instanceof LeadboxError ? save.error.fields : undefined

  function submit(event: FormEvent) {
    event.preventDefault()
    save.mutate(
      { clientId, clientSecret },
      {
        onSuccess: () => {
          setClientSecret('')
          onDone()
        },
      },
    )
  }

  return (
    <form className="account-form" onSubmit={submit} aria-describedby={helpId}>
      <p id={helpId} className="muted">
        Signing in with Pipedrive needs a Pipedrive app: create one in Pipedrive&apos;s Developer
        Hub with the callback URL <code>{status.oauth.callbackUrl}</code>, then enter its client id
        and client secret here. The secret is kept in your system keychain.
      </p>
      <div className="field">
        <label className="field__label" htmlFor={idId}>
          Client id
        </label>
        <input
          id={idId}
          className="text-input"
          autoComplete="off"
          spellCheck={false}
          value={clientId}
          onChange={(event) => setClientId(event.target.value)}
          aria-invalid={fields?.['clientId'] ? true : undefined}
        />
        {fields?.['clientId'] ? <p className="field__error">{fields['clientId']}</p> : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={secretId}>
          Client secret
        </label>
        <input
          id={secretId}
          className="text-input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={clientSecret}
          onChange={(event) => setClientSecret(event.target.value)}
          aria-invalid={fields?.['clientSecret'] ? true : undefined}
        />
        {fields?.['clientSecret'] ? <p className="field__error">{fields['clientSecret']}</p> : null}
      </div>
      <div className="settings-section__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          Save Pipedrive app
        </button>
        {canCancel ? (
          <button type="button" className="button" onClick={onDone}>
            Keep the current app
          </button>
        ) : null}
      </div>
      {save.isError && !fields ? (
        <InlineError title="Could not save the Pipedrive app" error={save.error} />
      ) : null}
    </form>
  )
}
