import { noLeadDefaults } from '../../../../shared/leads/no-lead-defaults'
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react'
import { looksLikeContact } from '../../../../shared/capture/recognize'
import type { Chip, ParsedQuickAdd, QuickAddContext } from '../../../../shared/quick-add'
// Not the index: it holds the parser, which loads apart (see useLineReader).
import { createCatalogIndex } from '../../../../shared/quick-add/catalog'
import { phoneRegionOf } from '../../../../shared/quick-add/phone'
import {
  takeQuickAddClipboard,
  useHideWindow,
  useOpenInMainForm,
  useQuickAddCatalog,
  useQuickAddSyncStatus,
  useSaveLead,
} from '../../api/quick-add'
import { indexInBackground, type QuickAddCatalog } from '../../api/quick-add-catalog'
import { capturedLine, contactLine, insertIntoLine } from '../capture/contact-line'
import { captureProblemText, readPastedContact } from '../capture/read-captured'
import { useCaptureDrop } from '../capture/useCaptureDrop'
import { announcementFor, useAnnouncement } from './announcement'
import { clipboardContact, type ClipboardContact } from './clipboard-contact'
import { ChipList } from './ChipList'
import { QuickAddHelp } from './QuickAddHelp'
import { localDay } from '../../../../shared/local-day'
import type { CandidateOption } from './candidate-choice'
import type { Choice, ChoosableChip } from './line-to-draft'
import { usePhoneReader } from './phone-reader'
import { useLineReader } from './use-line-reader'
import { saveProblems, savedMessage } from './save-messages'

export const quickAddExample = 'Acme renewal 5k EUR @Jane Doe #hot due fri'

/** Until main answers (a few milliseconds), lines are read against an empty catalog. */
const emptyCatalog: QuickAddCatalog = {
  defaultCurrency: '',
  defaults: noLeadDefaults,
  currencies: [],
  labels: [],
  persons: createCatalogIndex([]),
  organizations: createCatalogIndex([]),
}

const catalogProblem =
  'Could not read your Pipedrive names and labels, so every name is taken as new.'

type Line = {
  text: string
  caret: number
  /** When the line last changed: relative dates (`due fri`) count from this day. */
  editedAt: Date
}

type Notice = { kind: 'saved' | 'info'; text: string } | { kind: 'problem'; problems: string[] }

interface Props {
  /** What was typed before the window was drawn, once: it starts the line. */
  takeEarlyText?: (() => string) | undefined
}

const chipKey = (chip: Chip) => `${chip.start}:${chip.text}`

/** The line before its reader has loaded: all title, as typed. */
const unread = (text: string): ParsedQuickAdd => ({
  title: text.replace(/\s+/g, ' ').trim(),
  chips: [],
  literals: [],
})

const readerProblem = 'Quick add could not load what reads the line. Restart Leadbox to save it.'

/**
 * One line that becomes a lead. The line is read on every keystroke into a title and chips;
 * Enter saves it into the outbox.
 *
 * Keys: Enter saves; Esc closes the candidate list, else clears the line; Backspace at the
 * end of the line, right after a finished chip (the line ends with the chip and a space),
 * turns that chip back into title words. While the candidate list of an ambiguous name is
 * open, ↑ ↓ move, Enter or Tab pick.
 */
export function QuickAddField({ takeEarlyText }: Props) {
  // A number typed without its country code is read in the OS locale's country.
  const [phoneRegion] = useState(() => phoneRegionOf(navigator.language))
  // Dates and amounts are read in the OS locale's language and notation, English always too.
  const [locale] = useState(() => navigator.language)
  // The line's reader and its date parsers load apart, so the window shows and reads keys
  // without waiting for them; the line is read again once each is there.
  const { reader, datesReadable, failed: readerFailed } = useLineReader(locale)
  // Enter pressed before then waits for them, so a date typed at once never lands in a title.
  const afterDates = useRef<{ text: string; run: 'save' | 'openInForm' } | null>(null)
  const catalog = useQuickAddCatalog()
  const phoneNumbers = usePhoneReader()
  const createLead = useSaveLead()
  const openInFormRequest = useOpenInMainForm()
  const syncStatus = useQuickAddSyncStatus()
  const hideQuickAdd = useHideWindow()
  // The window can show before its page is ready (the global shortcut right after start):
  // what was typed meanwhile starts the line. Taken in the render that draws the field, so no
  // key falls between the two.
  const [line, setLine] = useState<Line>(() => {
    const typed = takeEarlyText?.() ?? ''
    return { text: typed, caret: typed.length, editedAt: new Date() }
  })
  const [choices, setChoices] = useState<ReadonlyMap<string, Choice>>(() => new Map())
  const [highlight, setHighlight] = useState({ chip: '', index: 0 })
  const [dismissed, setDismissed] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [fromClipboard, setFromClipboard] = useState<ClipboardContact | undefined>()
  const input = useRef<HTMLInputElement>(null)
  // A caret to restore once React has written a new value into the input.
  const pendingCaret = useRef<number | null>(line.text === '' ? null : line.caret)
  const hintId = useId()
  const listId = useId()

  const base = catalog.context ?? emptyCatalog
  const { entries } = catalog
  // Indexed in slices after the names themselves; asked early (a new name), it finishes first.
  const likely = useMemo(
    () => reader && entries && reader.createLikelyMatches(entries),
    [reader, entries],
  )
  useEffect(() => likely && indexInBackground([likely.persons, likely.organizations]), [likely])
  // A name likely already in the catalog is offered as that entry first.
  const read = (text: string, context: QuickAddContext) => {
    if (!reader) return unread(text)
    const found = reader.parseQuickAdd(text, context)
    return likely ? reader.withLikelyMatches(found, likely) : found
  }
  const parsed = useMemo(
    () => read(line.text, { ...base, locale, phoneRegion, phoneNumbers, now: line.editedAt }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loaded date parsers read anew
    [
      line.text,
      line.editedAt,
      base,
      reader,
      likely,
      locale,
      phoneRegion,
      phoneNumbers,
      datesReadable,
    ],
  )
  const shownChips = reader
    ? parsed.chips.map((chip) => ({
        chip,
        meaning: reader.chipMeaning(chip, parsed, choices, {
          today: localDay(line.editedAt),
          currencies: base.currencies,
        }),
      }))
    : []

  const atCaret = reader?.chipAtCaret(parsed, line.caret, choices)
  const options = reader && atCaret ? reader.candidateOptions(atCaret, choices) : []
  const choosing =
    atCaret && dismissed !== chipKey(atCaret) && options.length > 0 ? atCaret : undefined
  const highlighted =
    choosing && highlight.chip === chipKey(choosing)
      ? Math.min(highlight.index, options.length - 1)
      : 0
  const optionId = (index: number) => `${listId}-option-${index}`

  useLayoutEffect(() => {
    const caret = pendingCaret.current
    if (caret === null || !input.current) return
    pendingCaret.current = null
    input.current.setSelectionRange(caret, caret)
  }, [line])

  const contextNow = (): QuickAddContext => ({
    ...base,
    locale,
    phoneRegion,
    phoneNumbers,
    now: new Date(),
  })

  const replaceLine = (text: string, caret = text.length) => {
    pendingCaret.current = caret
    setLine({ text, caret, editedAt: new Date() })
    setNotice(null)
  }

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const { value, selectionStart } = event.currentTarget
    setLine({ text: value, caret: selectionStart ?? value.length, editedAt: new Date() })
    setDismissed(null)
    setNotice(null)
  }

  /**
   * Words read from a paste or a drop, put where the selection was when the line has not
   * changed since, else at its end.
   */
  const insertCaptured = (words: string, at?: { start: number; end: number; text: string }) => {
    const current = input.current?.value ?? line.text
    const selection =
      at && at.text === current ? at : { start: current.length, end: current.length }
    const next = insertIntoLine(current, selection, words)
    replaceLine(next.text, next.caret)
  }

  // The clipboard is read only here, in the paste the user made: several lines, a vCard or a
  // mailto: link become the new person's chips instead of one run-on line.
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain')
    if (!looksLikeContact(text)) return
    event.preventDefault()
    const { selectionStart, selectionEnd, value } = event.currentTarget
    const at = {
      start: selectionStart ?? value.length,
      end: selectionEnd ?? value.length,
      text: value,
    }
    readPastedContact(text, phoneRegion).then(
      (contact) =>
        insertCaptured(contact ? contactLine(contact) : text.replace(/\s+/g, ' ').trim(), at),
      (error: unknown) => setNotice({ kind: 'info', text: captureProblemText(error) }),
    )
  }

  // The window stays loaded while hidden: each time the user opens it, main has read the
  // clipboard once (unless Settings say not to), and a contact there is offered as a chip.
  // What main hands over is taken once, so its answer is kept even if this effect was
  // already cleaned up (React's development double mount).
  useEffect(() => {
    const offer = () => {
      takeQuickAddClipboard()
        .then((text) => clipboardContact(text, phoneRegion))
        .then(
          (found) => found && setFromClipboard(found),
          () => undefined,
        )
    }
    const drop = () => setFromClipboard(undefined)
    offer()
    window.addEventListener('focus', offer)
    window.addEventListener('blur', drop)
    return () => {
      window.removeEventListener('focus', offer)
      window.removeEventListener('blur', drop)
    }
  }, [phoneRegion])

  /** The clipboard's contact, picked: its chips join the line; nothing before that. */
  const pickClipboardContact = () => {
    if (!fromClipboard) return
    insertCaptured(contactLine(fromClipboard.contact))
    setFromClipboard(undefined)
    input.current?.focus()
  }

  useCaptureDrop(phoneRegion, {
    onCaptured: (captured) => insertCaptured(capturedLine(captured)),
    onProblem: (text) => setNotice({ kind: 'info', text }),
  })

  const onSelect = () => {
    const caret = input.current?.selectionStart ?? line.text.length
    if (caret !== line.caret) setLine((current) => ({ ...current, caret }))
  }

  const pick = (chip: ChoosableChip, option: CandidateOption) => {
    if (!reader) return
    const picked = reader.pickCandidate(line.text, chip, option)
    setChoices((current) => new Map(current).set(picked.key, picked.choice))
    replaceLine(picked.text, picked.caret)
  }

  const remove = (chip: Chip) => {
    if (!reader) return
    replaceLine(reader.removeChip(line.text, chip, contextNow()))
    input.current?.focus()
  }

  /** The line as the lead it describes, or null when a name still needs a pick first. */
  const readLine = () => {
    if (!reader) return null
    const reading = reader.draftFromLine(read(line.text, contextNow()), choices, base.defaults)
    if (reading.kind === 'ready') return reading.draft
    // Move to the chip, which opens its candidates, and say why nothing happened.
    pendingCaret.current = reading.chip.end
    setLine((current) => ({ ...current, caret: reading.chip.end }))
    setDismissed(null)
    setNotice({
      kind: 'info',
      text: `${reader.candidatePrompt(reading.chip)} Pick one, then save.`,
    })
    return null
  }

  /** False (and done later) while the line's reader or date parsers are still on their way. */
  const datesReadableFor = (run: 'save' | 'openInForm') => {
    if (readerFailed) {
      setNotice({ kind: 'problem', problems: [readerProblem] })
      return false
    }
    if (reader && datesReadable) return true
    afterDates.current = { text: line.text, run }
    return false
  }

  // Cmd/Ctrl+Enter: the full form in the main window, filled with what the line says so far.
  const openInForm = () => {
    if (!datesReadableFor('openInForm')) return
    const draft = readLine()
    if (!draft) return
    openInFormRequest.run(draft, {
      onSuccess: () => {
        replaceLine('')
        setChoices(new Map())
      },
      onError: (error) => setNotice({ kind: 'problem', problems: saveProblems(error) }),
    })
  }

  const save = () => {
    if (createLead.isPending) return
    if (catalog.isPending) {
      // Read against an empty catalog, a known person would become a new one in Pipedrive.
      setNotice({ kind: 'info', text: 'Reading your Pipedrive names… press Enter again.' })
      return
    }
    if (!datesReadableFor('save')) return
    const submitted = line.text
    const draft = readLine()
    if (!draft) return
    createLead.run(draft, {
      onSuccess: (saved) => {
        // The next line is read against what this one queued: its open lead, its new person.
        void catalog.refetch()
        setNotice({ kind: 'saved', text: savedMessage(saved.title, syncStatus.data) })
        // Whatever was typed meanwhile is the next lead: keep it.
        setLine((current) =>
          current.text === submitted ? { text: '', caret: 0, editedAt: new Date() } : current,
        )
        setChoices(new Map())
      },
      onError: (error) => setNotice({ kind: 'problem', problems: saveProblems(error) }),
    })
  }

  useEffect(() => {
    const waiting = afterDates.current
    if (!(datesReadable || readerFailed) || !waiting) return
    afterDates.current = null
    // A line changed since is not what Enter was pressed on: it waits for another Enter.
    if (waiting.text !== line.text) return
    if (waiting.run === 'save') save()
    else openInForm()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, when dates are readable
  }, [datesReadable, readerFailed])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return
    // By the key's place, so Option+V on a Mac picks it too instead of typing a letter.
    if (fromClipboard && event.altKey && !event.ctrlKey && event.code === 'KeyV') {
      event.preventDefault()
      pickClipboardContact()
      return
    }
    if (choosing) {
      const option = options[highlighted]
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : options.length - 1
        setHighlight({ chip: chipKey(choosing), index: (highlighted + step) % options.length })
        return
      }
      if ((event.key === 'Enter' || (event.key === 'Tab' && !event.shiftKey)) && option) {
        event.preventDefault()
        pick(choosing, option)
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        setDismissed(chipKey(choosing))
        return
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      openInForm()
      return
    }
    if (event.key === 'Enter') {
      event.preventDefault()
      save()
      return
    }
    if (event.key === 'Escape') {
      event.preventDefault()
      if (line.text !== '') {
        replaceLine('')
        setChoices(new Map())
      } else {
        // An empty line: main hides the window and gives focus back to the previous app.
        hideQuickAdd.run(undefined)
      }
      return
    }
    if (event.key === 'Backspace' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const { selectionStart, selectionEnd } = event.currentTarget
      const atEnd = selectionStart === line.text.length && selectionEnd === line.text.length
      const finished =
        reader && atEnd ? reader.finishedChipAtEnd(line.text, parsed.chips) : undefined
      if (reader && finished) {
        event.preventDefault()
        replaceLine(reader.removeChip(line.text, finished, contextNow()))
      }
    }
  }

  const openLead = reader && likely ? reader.openLeadNotice(parsed, choices, likely) : null

  const announced = useAnnouncement(
    announcementFor({
      outcome: !notice
        ? openLead !== null
          ? { text: openLead }
          : null
        : notice.kind === 'problem'
          ? { text: `Not saved: ${notice.problems.join(' ')}` }
          : { text: notice.text },
      choosing:
        reader && choosing
          ? { kind: choosing.kind, start: choosing.start, prompt: reader.candidatePrompt(choosing) }
          : null,
      catalogProblem: catalog.isError ? catalogProblem : null,
    }),
  )

  return (
    <form className="quick-add__form" onSubmit={(event) => event.preventDefault()}>
      <div className="quick-add__field">
        <input
          ref={input}
          className="quick-add__input"
          type="text"
          aria-label="Describe the lead"
          aria-describedby={hintId}
          aria-autocomplete="list"
          aria-controls={choosing ? listId : undefined}
          aria-activedescendant={choosing ? optionId(highlighted) : undefined}
          placeholder={`Describe the lead… e.g. ${quickAddExample}`}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={line.text}
          onChange={onChange}
          onPaste={onPaste}
          onSelect={onSelect}
          onKeyDown={onKeyDown}
        />
        {reader && choosing ? (
          <reader.CandidateList
            id={listId}
            chip={choosing}
            options={options}
            highlighted={highlighted}
            optionId={optionId}
            onPick={(option) => pick(choosing, option)}
          />
        ) : null}
      </div>

      {fromClipboard ? (
        <button
          type="button"
          className="quick-add__clipboard"
          aria-keyshortcuts="Alt+V"
          // Keeps focus in the line, as the candidate list does.
          onMouseDown={(event) => event.preventDefault()}
          onClick={pickClipboardContact}
        >
          {fromClipboard.label} <kbd>Alt+V</kbd>
        </button>
      ) : null}

      {/* Right under the line, so a long line never pushes them out of view. Seen here;
          heard once, through the live region below. */}
      <div className="quick-add__messages">
        {notice?.kind === 'saved' || notice?.kind === 'info' ? (
          <p className="quick-add__status" data-kind={notice.kind}>
            {notice.text}
          </p>
        ) : null}
        {!notice && openLead ? (
          <p className="quick-add__status" data-kind="info" data-testid="quick-add-open-lead">
            {openLead}
          </p>
        ) : null}
        {notice?.kind === 'problem' ? (
          <div className="quick-add__problem" data-testid="quick-add-problem">
            <p className="quick-add__problem-title">Not saved</p>
            <ul className="quick-add__problems">
              {notice.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {catalog.isError ? (
          <p className="quick-add__problem">
            {catalogProblem}{' '}
            <button type="button" className="link-button" onClick={() => void catalog.refetch()}>
              Try again
            </button>
          </p>
        ) : null}
      </div>
      <p role="status" className="visually-hidden">
        {announced}
      </p>

      <ChipList title={parsed.title} chips={shownChips} choosing={choosing} onRemove={remove} />

      <QuickAddHelp id={hintId} />
    </form>
  )
}
