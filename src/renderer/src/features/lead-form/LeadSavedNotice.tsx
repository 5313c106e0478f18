import { useEffect } from 'react'
import { clearLeadNotice, useLeadFormState } from './lead-form-store'

/** How long "Saved — will sync" stays. */
const noticeMs = 6000

/** What the last save from the lead form said, in a live region of the inbox. */
export function LeadSavedNotice() {
  const { notice } = useLeadFormState()
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(clearLeadNotice, noticeMs)
    return () => clearTimeout(timer)
  }, [notice])
  return (
    <p className="new-lead__saved" role="status">
      {notice?.text ?? null}
    </p>
  )
}
