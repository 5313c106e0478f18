import { useId, useState, type FormEvent } from 'react'
import { LeadboxError } from '../../../../shared/result'
import { useSignInWithToken } from '../../api/account'
import { useOpenExternal } from '../../api/queries'
import { InlineError } from '../../ui/InlineError'

/** Pipedrive's own page with the token; it redirects to the company's domain. */
const pipedriveApiTokenPage = 'https://app.pipedrive.com/settings/api'

export function ApiTokenForm() {
  const signIn = useSignInWithToken()
  const openLink = useOpenExternal()
  const [token, setToken] = useState('')
  const titleId = useId()
  const inputId = useId()
  const helpId = useId()
  const errorId = useId()
  const fieldError =
    signIn.error instanceof LeadboxError ? signIn.error.fields?.['token'] : undefined

  function submit(event: FormEvent) {
    event.preventDefault()
    signIn.mutate(token, { onSuccess: () => setToken('') })
  }

  return (
    <div className="account-choice" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="account-choice__title">
        Connect with your API token
      </h3>
      <p>Every Pipedrive user has a personal API token. To find yours:</p>
      <ol className="steps">
        <li>
          In Pipedrive, click your name or picture at the top right and choose{' '}
          <strong>Personal preferences</strong>.
        </li>
        <li>
          Open the <strong>API</strong> tab and copy <strong>Your personal API token</strong>.
        </li>
        <li>Paste it below.</li>
      </ol>
      <button
        type="button"
        className="link-button"
        onClick={() => openLink.mutate(pipedriveApiTokenPage)}
      >
        Open the API tab in Pipedrive
      </button>
      <form className="account-form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            API token
          </label>
          <input
            id={inputId}
            className="text-input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            aria-describedby={fieldError ? `${helpId} ${errorId}` : helpId}
            aria-invalid={fieldError ? true : undefined}
          />
          <p id={helpId} className="field__help">
            Leadbox keeps it in your system keychain, never in its own files.
          </p>
          {fieldError ? (
            <p id={errorId} className="field__error">
              {fieldError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? 'Checking the token…' : 'Connect'}
        </button>
      </form>
      {signIn.isError && !fieldError ? (
        <InlineError title="Could not sign in with this token" error={signIn.error} />
      ) : null}
    </div>
  )
}
