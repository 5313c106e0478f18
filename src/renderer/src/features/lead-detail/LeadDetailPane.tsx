import './lead-detail.css'
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { InboxContextData, InboxLead, OutboxItem } from '../../../../shared/ipc/contract'
import type { LeadChange, LeadFields } from '../../../../shared/leads/lead-change'
import { useLeadChange, useOpenExternal, useOutbox, useRetryOutboxItem } from '../../api'
import { describeError } from '../../ui/describe-error'
import type { ContactFilter } from '../inbox/inbox-filters'
import { pendingChanges } from '../inbox/pending-leads'
import { useOfferLeadActions } from '../palette/lead-in-view'
import { useShortcut } from '../shortcuts/useShortcut'
import { formatDay, formatValue, labelColor } from '../inbox/lead-format'
import { customFieldsOf } from './custom-fields'
import { LeadEditForm, type PickedNames } from './LeadEditForm'
import { LeadTimeline } from './LeadTimeline'
import { conversionOf, conversionStep } from './lead-conversion'
import { visibilityWords } from '../lead-form/visibility'
import { pipedriveDealUrl, pipedriveLeadUrl, withChanges } from './lead-edit'

interface Props {
  lead: InboxLead
  context: InboxContextData | undefined
  /** Opened by a click or Enter: the pane takes focus. Following j/k, focus stays in the list. */
  takeFocus: boolean
  onClose: () => void
  /** Narrows the inbox to the leads of this lead's person or organization. */
  onShowLeadsOf?: (contact: ContactFilter) => void
  /** Shows the Outbox, where a refused change is fixed or discarded. */
  onOpenOutbox?: () => void
}

function Detail({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="lead-detail__field">
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  )
}

type Step = 'view' | 'edit' | 'confirm-delete' | 'confirm-convert'

/** What a queued change said, shown until it is sent (or the next change). */
const savedWords: Record<LeadChange['kind'], string> = {
  update: 'Saved — will sync',
  archive: 'Archived — will sync',
  unarchive: 'Unarchived — will sync',
  delete: 'Deleted — will sync',
  convert: '',
}

/** What the same change says once Pipedrive has it. */
const sentWords: Record<LeadChange['kind'], string> = {
  update: 'Saved in Pipedrive',
  archive: 'Archived in Pipedrive',
  unarchive: 'Unarchived in Pipedrive',
  delete: 'Deleted in Pipedrive',
  convert: '',
}

/**
 * One Pipedrive lead beside the list: its fields, and the changes a salesperson makes
 * to it. Every change goes into the outbox, so it works offline; Esc backs out one step.
 */
export function LeadDetailPane({
  lead: cached,
  context,
  takeFocus,
  onClose,
  onShowLeadsOf,
  onOpenOutbox,
}: Props) {
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const [step, setStep] = useState<Step>('view')
  // The last change made here, and its outbox row: what it says follows the row.
  const [last, setLast] = useState<{ kind: LeadChange['kind']; rowId: number } | null>(null)
  // A saved edit, shown until the cache has the lead as Pipedrive stores it after the sync.
  const [saved, setSaved] = useState<{
    updateTime: string
    after: LeadFields
    names: PickedNames
  } | null>(null)
  const change = useLeadChange()
  const openLink = useOpenExternal()
  const outbox = useOutbox()
  const retry = useRetryOutboxItem()
  const conversion = conversionOf(outbox.data ?? [], cached.id)
  // Other changes to this lead still on their way: a refused one is said here too.
  const waiting = conversion ? undefined : pendingChanges(outbox.data ?? []).get(cached.id)
  const users = context?.users ?? []
  const lead =
    saved && saved.updateTime === cached.updateTime
      ? withChanges(cached, saved.after, { users, ...saved.names })
      : cached

  const focusHeading = useRef(takeFocus)
  useEffect(() => {
    if (step !== 'view') return
    if (focusHeading.current) heading.current?.focus({ preventScroll: true })
    // After the first time, back from the form or the confirmation: focus returns here.
    focusHeading.current = true
  }, [step])

  const send = async (next: LeadChange) => {
    setLast(null)
    const row = await change.mutateAsync({ change: next, leadTitle: lead.title })
    setLast({ kind: next.kind, rowId: row.id })
    return row
  }
  // The row as the outbox has it now (refetched on every `outbox:changed`).
  const lastRow = last ? outbox.data?.find((row) => row.id === last.rowId) : undefined
  const notice = !last
    ? null
    : lastRow?.state === 'sent'
      ? sentWords[last.kind] || null
      : lastRow?.state === 'cancelled' || lastRow?.state === 'needs_attention'
        ? null
        : savedWords[last.kind] || null
  const ref = { remoteId: cached.id }

  const update = async (
    after: LeadFields,
    before: LeadFields,
    names: PickedNames = { person: lead.personName, organization: lead.organizationName },
  ) => {
    await send({ kind: 'update', lead: ref, after, before, baseUpdateTime: cached.updateTime })
    setSaved((current) => ({
      updateTime: cached.updateTime,
      after: { ...(current?.updateTime === cached.updateTime ? current.after : {}), ...after },
      names,
    }))
    setStep('view')
  }

  const simple = (kind: 'archive' | 'unarchive' | 'delete' | 'convert') => {
    send({ kind, lead: ref })
      .then(() => setStep('view'))
      .catch(() => undefined)
  }

  // Single keys act on the open lead, as its buttons do; not while its form is open.
  // A lead on its way to becoming a deal takes no more changes.
  const changeable = step === 'view' && conversion === null
  useShortcut('lead.edit', () => setStep('edit'), changeable)
  useShortcut('lead.archive', () => simple(lead.isArchived ? 'unarchive' : 'archive'), changeable)
  // The palette offers what the buttons below offer, when they show.
  useOfferLeadActions(
    lead,
    changeable
      ? {
          edit: () => {
            change.reset()
            setStep('edit')
          },
          toggleArchive: () => simple(lead.isArchived ? 'unarchive' : 'archive'),
          ...(lead.isArchived ? {} : { convert: () => setStep('confirm-convert') }),
          openInPipedrive: () => openLink.mutate(pipedriveLeadUrl(cached.id)),
        }
      : {},
  )

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    // Esc backs out one step: the confirmation or the form first, then the pane.
    event.preventDefault()
    if (step === 'view') onClose()
    else setStep('view')
  }

  const labels = lead.labelIds.flatMap((id) => {
    const label = context?.labels.find((candidate) => candidate.id === id)
    return label ? [label] : []
  })
  const custom = customFieldsOf(lead, context?.fields ?? [])
  const failed = change.isError && step !== 'edit' ? describeError(change.error).message : null

  return (
    <section className="lead-detail" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <header className="lead-detail__header">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="lead-detail__title">
          {lead.title}
        </h2>
        <button type="button" className="button" aria-label="Close the lead" onClick={onClose}>
          ✕
        </button>
      </header>
      <p role="status" className="lead-detail__notice">
        {notice}
      </p>
      {failed ? (
        <p role="alert" className="lead-edit__error">
          Not saved: {failed}
        </p>
      ) : null}
      {waiting?.marker === 'needs attention' ? (
        <div role="alert" className="lead-detail__refused">
          <p>A change to this lead needs your attention: {waiting.problem}</p>
          {onOpenOutbox ? (
            <button type="button" className="button" onClick={onOpenOutbox}>
              Open the Outbox
            </button>
          ) : null}
        </div>
      ) : waiting && !notice ? (
        <p className="lead-detail__waiting">Changes made here are waiting to sync.</p>
      ) : null}

      {step === 'edit' ? (
        <LeadEditForm
          lead={lead}
          context={context}
          saving={change.isPending}
          onSave={update}
          onCancel={() => setStep('view')}
        />
      ) : (
        <>
          {conversion ? (
            <ConversionNotice
              row={conversion}
              retrying={retry.isPending}
              onRetry={() => retry.mutate(conversion.id)}
              onOpenDeal={(dealId) => openLink.mutate(pipedriveDealUrl(dealId))}
            />
          ) : step === 'confirm-convert' ? (
            <div
              className="lead-detail__confirm lead-detail__confirm--calm"
              role="group"
              aria-label="Confirm conversion"
            >
              <p>
                Convert “{lead.title}” to a deal? It leaves the Leads Inbox and becomes a deal in
                your default pipeline, with its person, organization, value and labels.
              </p>
              <div className="lead-detail__actions">
                <button
                  type="button"
                  className="button button--primary"
                  autoFocus
                  disabled={change.isPending}
                  onClick={() => simple('convert')}
                >
                  Convert to deal
                </button>
                <button type="button" className="button" onClick={() => setStep('view')}>
                  Not now
                </button>
              </div>
            </div>
          ) : step === 'confirm-delete' ? (
            <div className="lead-detail__confirm" role="group" aria-label="Confirm delete">
              <p>Delete “{lead.title}” from Pipedrive? This cannot be undone.</p>
              <div className="lead-detail__actions">
                <button
                  type="button"
                  className="button lead-detail__danger"
                  autoFocus
                  disabled={change.isPending}
                  onClick={() => simple('delete')}
                >
                  Delete lead
                </button>
                <button type="button" className="button" onClick={() => setStep('view')}>
                  Keep it
                </button>
              </div>
            </div>
          ) : (
            <div className="lead-detail__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  change.reset()
                  setStep('edit')
                }}
              >
                Edit
              </button>
              {lead.wasSeen ? null : (
                <button
                  type="button"
                  className="button"
                  disabled={change.isPending}
                  onClick={() =>
                    void update({ wasSeen: true }, { wasSeen: false }).catch(() => undefined)
                  }
                >
                  Mark as seen
                </button>
              )}
              <button
                type="button"
                className="button"
                disabled={change.isPending}
                onClick={() => simple(lead.isArchived ? 'unarchive' : 'archive')}
              >
                {lead.isArchived ? 'Unarchive' : 'Archive'}
              </button>
              {lead.isArchived ? null : (
                <button type="button" className="button" onClick={() => setStep('confirm-convert')}>
                  Convert to deal…
                </button>
              )}
            </div>
          )}
          <dl className="lead-detail__fields">
            <Detail name="Person">
              <ContactName
                kind="person"
                id={lead.personId}
                name={lead.personName}
                onShowLeadsOf={onShowLeadsOf}
              />
            </Detail>
            <Detail name="Organization">
              <ContactName
                kind="organization"
                id={lead.organizationId}
                name={lead.organizationName}
                onShowLeadsOf={onShowLeadsOf}
              />
            </Detail>
            <Detail name="Value">{formatValue(lead.value) || '—'}</Detail>
            <Detail name="Owner">{lead.ownerName ?? '—'}</Detail>
            <Detail name="Labels">
              {labels.length > 0
                ? labels.map((label) => (
                    <span
                      key={label.id}
                      className="label-chip"
                      data-color={labelColor(label.color)}
                    >
                      {label.name}
                    </span>
                  ))
                : '—'}
            </Detail>
            <Detail name="Expected close date">{formatDay(lead.expectedCloseDate) || '—'}</Detail>
            <Detail name="Who can see it">
              {visibilityWords(lead.visibleTo, context?.visibilityGroups ?? false)}
            </Detail>
            <Detail name="Seen">{lead.wasSeen ? 'Yes' : 'Not yet'}</Detail>
            {lead.isArchived ? <Detail name="Archived">Yes</Detail> : null}
            {custom.map((field) => (
              <Detail key={field.key} name={field.name}>
                {field.value}
              </Detail>
            ))}
          </dl>
          {conversion ? null : <LeadTimeline leadId={cached.id} leadTitle={lead.title} />}
          {step === 'view' && !conversion ? (
            <footer className="lead-detail__footer">
              <button
                type="button"
                className="button"
                onClick={() => openLink.mutate(pipedriveLeadUrl(cached.id))}
              >
                Open in Pipedrive
              </button>
              <button type="button" className="button" onClick={() => setStep('confirm-delete')}>
                Delete…
              </button>
            </footer>
          ) : null}
        </>
      )}
    </section>
  )
}

interface ConversionNoticeProps {
  row: OutboxItem
  retrying: boolean
  onRetry: () => void
  onOpenDeal: (dealId: string) => void
}

/** Where the lead's conversion to a deal is, in place of the actions it no longer takes. */
function ConversionNotice({ row, retrying, onRetry, onOpenDeal }: ConversionNoticeProps) {
  const state = conversionStep(row)
  return (
    <div className="lead-detail__conversion" data-step={state.step}>
      <p role={state.step === 'refused' ? 'alert' : 'status'}>{state.words}</p>
      {state.step === 'done' && state.dealId ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => onOpenDeal(state.dealId!)}
        >
          Open the deal in Pipedrive
        </button>
      ) : null}
      {state.step === 'refused' ? (
        <button type="button" className="button" disabled={retrying} onClick={onRetry}>
          Try converting again
        </button>
      ) : null}
    </div>
  )
}

/** A contact's name; a click lists every lead of theirs in the inbox. */
function ContactName({
  kind,
  id,
  name,
  onShowLeadsOf,
}: {
  kind: ContactFilter['kind']
  id: number | null
  name: string | null
  onShowLeadsOf: Props['onShowLeadsOf']
}) {
  if (id === null) return <>—</>
  const shown = name ?? `#${id}`
  if (!onShowLeadsOf) return <>{shown}</>
  return (
    <button
      type="button"
      className="link-button"
      title={`Show every lead of ${shown}`}
      onClick={() => onShowLeadsOf({ kind, id, name: shown })}
    >
      {shown}
    </button>
  )
}
