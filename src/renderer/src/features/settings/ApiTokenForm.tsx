import { useId, useState, type FormEvent } from 'react'
import { LeadboxError } from '../../../../shared/result'
import { useSignInWithToken } from '../../api/account'
import { InlineError } from '../../ui/InlineError'

export function ApiTokenForm() {
  const signIn = useSignInWithToken()
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
        Use a personal API token
      </h3>
      <form className="account-form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            API token
          </label>
          <input
            id={inputId}
            className="field__input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            aria-describedby={fieldError ? `${helpId} ${errorId}` : helpId}
            aria-invalid={fieldError ? true : undefined}
          />
          <p id={helpId} className="field__help">
            In Pipedrive, open your name → Personal preferences → API and copy the token. Leadbox
            keeps it in your system keychain.
          </p>
          {fieldError ? (
            <p id={errorId} className="field__error">
              {fieldError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? 'Checking the token…' : 'Sign in with token'}
        </button>
      </form>
      {signIn.isError && !fieldError ? (
        <InlineError title="Could not sign in with this token" error={signIn.error} />
      ) : null}
    </div>
  )
}
