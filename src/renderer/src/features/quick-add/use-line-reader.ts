import { useEffect, useState } from 'react'
import type * as lineReader from './line-reader'

export type LineReader = typeof lineReader

/**
 * The line's reader, then the date parsers of English and the OS locale's language, loaded
 * once the window shows: the field is drawn and takes keys without waiting for either.
 * `reader` is there once its script is; `datesReadable` once the date parsers are, or have
 * failed (dates then stay title words: better than no lead). `failed`: the reader never came.
 */
export function useLineReader(locale: string) {
  const [reader, setReader] = useState<LineReader>()
  const [datesReadable, setDatesReadable] = useState(false)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let open = true
    import('./line-reader').then(
      (loaded) => {
        if (!open) return
        setReader(loaded)
        const ready = () => open && setDatesReadable(true)
        loaded.loadQuickAddLanguage(locale).then(() => {
          if (!open) return
          loaded.warmUpQuickAdd(locale)
          ready()
        }, ready)
      },
      () => open && setFailed(true),
    )
    return () => {
      open = false
    }
  }, [locale])
  return { reader, datesReadable, failed }
}
