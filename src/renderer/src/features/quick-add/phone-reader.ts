import { useEffect, useState } from 'react'
import type { PhoneReader } from '../../../../shared/quick-add'

/**
 * The phone number reader, loaded once the window shows: it carries every country's
 * numbering plan, more script than the rest of the window, and no keystroke waits for it.
 * Until it is there (or if it never loads) numbers stay in the title.
 */
export function usePhoneReader(): PhoneReader | undefined {
  const [reader, setReader] = useState<{ read: PhoneReader }>()
  useEffect(() => {
    let live = true
    import('../../../../shared/quick-add/phone-numbers')
      .then(({ readPhoneNumber }) => {
        if (live) setReader({ read: readPhoneNumber })
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [])
  return reader?.read
}
