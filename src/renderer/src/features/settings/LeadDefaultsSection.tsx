import { useId, useState } from 'react'
import { noLeadDefaults, type LeadDefaults } from '../../../../shared/leads/lead-defaults'
import { useQuickAddContext, useSetLeadDefaults } from '../../api'
import { useInboxContext } from '../../api/inbox'
import { InlineError } from '../../ui/InlineError'
import { visibilityChoices } from '../lead-form/visibility'
import { SettingsSection } from './SettingsSection'

/**
 * Settings → New leads: the owner, currency, label and visibility a lead gets when quick
 * add's line or the form does not say. Each choice is kept as soon as it is made.
 */
export function LeadDefaultsSection() {
  const inbox = useInboxContext()
  const quickAdd = useQuickAddContext()
  const save = useSetLeadDefaults()
  const [saved, setSaved] = useState<string | null>(null)
  const id = useId()

  const context = inbox.data
  const defaults = context?.defaults ?? noLeadDefaults
  const owners = context?.users.filter((user) => user.active) ?? []
  const labels = context?.labels ?? []
  const currencies = quickAdd.context?.currencies ?? []
  const known = owners.length > 0

  const change = (patch: Partial<LeadDefaults>, words: string) => {
    setSaved(null)
    save.mutate({ ...defaults, ...patch }, { onSuccess: () => setSaved(words) })
  }

  return (
    <SettingsSection title="New leads">
      <p className="muted">
        What quick add and the new-lead form use when you do not say otherwise.
        {known ? null : ' Connect your Pipedrive account to choose an owner and a label.'}
      </p>
      <div className="lead-defaults">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <select
          id={`${id}-owner`}
          className="text-input"
          value={defaults.ownerId ?? ''}
          disabled={!known}
          onChange={(event) =>
            change(
              { ownerId: event.target.value === '' ? null : Number(event.target.value) },
              'New leads get this owner.',
            )
          }
        >
          <option value="">You</option>
          {owners
            .filter((user) => !user.isYou)
            .map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
        </select>

        <label htmlFor={`${id}-currency`}>Currency</label>
        <select
          id={`${id}-currency`}
          className="text-input"
          value={defaults.currency ?? ''}
          onChange={(event) =>
            change(
              { currency: event.target.value === '' ? null : event.target.value },
              'Amounts without a currency get this one.',
            )
          }
        >
          <option value="">Your Pipedrive currency</option>
          {currencies.map((currency) => (
            <option key={currency.code} value={currency.code}>
              {currency.code}
            </option>
          ))}
        </select>

        <label htmlFor={`${id}-label`}>Label</label>
        <select
          id={`${id}-label`}
          className="text-input"
          value={defaults.labelId ?? ''}
          disabled={!known}
          onChange={(event) =>
            change(
              { labelId: event.target.value === '' ? null : event.target.value },
              'New leads without a label get this one.',
            )
          }
        >
          <option value="">No label</option>
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </select>

        <label htmlFor={`${id}-visibility`}>Who can see them</label>
        <select
          id={`${id}-visibility`}
          className="text-input"
          value={defaults.visibleTo ?? ''}
          onChange={(event) =>
            change(
              {
                visibleTo:
                  event.target.value === ''
                    ? null
                    : (event.target.value as NonNullable<LeadDefaults['visibleTo']>),
              },
              'New leads are visible as chosen.',
            )
          }
        >
          {visibilityChoices(context?.visibilityGroups ?? false).map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="muted">
        {saved}
      </p>
      {save.isError ? <InlineError title="Not saved" error={save.error} /> : null}
    </SettingsSection>
  )
}
