import { useEffect, useState } from 'react'
import type { DateReader } from '../../../../shared/quick-add'

/**
 * The close-date reader, loaded once the window shows: its date parser is the largest part
 * of the window's script, and no keystroke waits for it. Until it is there `due fri` stays in
 * the title; the line is read again when it arrives, so a date typed meanwhile becomes a chip.
 */
export function useDateReader(): DateReader | undefined {
  const [reader, setReader] = useState<{ read: DateReader }>()
  useEffect(() => {
    let live = true
    import('../../../../shared/quick-add/date-phrases')
      .then(({ readDatePhrase, warmUpDatePhrases }) => {
        if (!live) return
        // The parser compiles its patterns on first use; pay that now, not on a keystroke.
        warmUpDatePhrases()
        setReader({ read: readDatePhrase })
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [])
  return reader?.read
}
