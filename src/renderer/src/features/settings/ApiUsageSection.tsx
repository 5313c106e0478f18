import type { ApiPurpose, ApiUsage } from '../../../../shared/api-usage'
import { useApiUsage } from '../../api'
import { InlineError } from '../../ui/InlineError'
import { SettingsSection } from './SettingsSection'

/** What each purpose is, in the words of someone using Leadbox. */
export const purposeNames: Record<ApiPurpose, string> = {
  capture: 'Sending leads and changes',
  lookups: 'Checking sends that got no answer',
  inbox: 'Keeping the inbox current',
  catalog: 'Names, labels and fields',
  account: 'Your account and sign-in',
}

const number = new Intl.NumberFormat()

function sayLeft(budget: ApiUsage['budget']): string {
  if (!budget) return 'Pipedrive has not said yet today'
  return budget.limit === null
    ? `${number.format(budget.left)} tokens`
    : `${number.format(budget.left)} of ${number.format(budget.limit)} tokens`
}

/** Today's requests and tokens by purpose, and what is left of the company's daily budget. */
export function ApiUsageSection() {
  const usage = useApiUsage()

  return (
    <SettingsSection title="Pipedrive API use today">
      {usage.isError ? (
        <InlineError
          title="Could not read today's API use"
          error={usage.error}
          onRetry={() => void usage.refetch()}
        />
      ) : usage.isPending ? (
        <p className="muted">Loading…</p>
      ) : usage.data === null ? (
        <p className="muted">Connect your Pipedrive account to see its use.</p>
      ) : (
        <>
          <p className="muted">
            Your company shares one daily budget of API tokens across everyone and every app
            connected to Pipedrive. Today (UTC) Leadbox made {number.format(usage.data.requests)}{' '}
            {usage.data.requests === 1 ? 'request' : 'requests'}.
          </p>
          <dl className="details">
            {usage.data.byPurpose.map((row) => (
              <PurposeRow key={row.purpose} {...row} />
            ))}
            <dt>Used by Leadbox today</dt>
            <dd>{number.format(usage.data.tokens)} tokens</dd>
            <dt>Left for your company today</dt>
            <dd>{sayLeft(usage.data.budget)}</dd>
          </dl>
        </>
      )}
    </SettingsSection>
  )
}

function PurposeRow(row: ApiUsage['byPurpose'][number]) {
  return (
    <>
      <dt>{purposeNames[row.purpose]}</dt>
      <dd>
        {number.format(row.tokens)} tokens ({number.format(row.requests)}{' '}
        {row.requests === 1 ? 'request' : 'requests'})
      </dd>
    </>
  )
}
