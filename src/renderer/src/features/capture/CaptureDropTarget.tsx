import './capture.css'
import { useState } from 'react'
import { createPortal } from 'react-dom'
import { phoneRegionOf } from '../../../../shared/quick-add/phone'
import { openSeededLead, useLeadFormState } from '../lead-form/lead-form-store'
import { seedFromCapture } from './lead-seed'
import { useCaptureDrop } from './useCaptureDrop'

export const formAlreadyOpen = 'Save or close the lead you are writing, then drop the file again.'

/**
 * The main window takes a dropped contact card or saved email: the full lead form opens
 * filled with it. Shows why when a drop could not be read.
 */
export function CaptureDropTarget() {
  const [phoneRegion] = useState(() => phoneRegionOf(navigator.language))
  const [problem, setProblem] = useState<string | null>(null)
  const { open } = useLeadFormState()
  useCaptureDrop(phoneRegion, {
    onCaptured: (captured) => {
      // The form being written holds the user's work: a drop must not replace it.
      if (open) return setProblem(formAlreadyOpen)
      setProblem(null)
      openSeededLead(seedFromCapture(captured))
    },
    onProblem: setProblem,
  })
  if (!problem) return null
  const alert = (
    <div className="inline-error capture-problem" role="alert">
      <p>{problem}</p>
      <button type="button" className="button" onClick={() => setProblem(null)}>
        Dismiss
      </button>
    </div>
  )
  // An open modal dialog makes the rest of the page inert: the message goes inside it, where
  // it can be seen, heard and dismissed.
  const dialog = document.querySelector('dialog[open]')
  return dialog ? createPortal(alert, dialog) : alert
}
