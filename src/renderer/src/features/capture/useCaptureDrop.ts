import { useEffect, useRef } from 'react'
import type { CapturedLead } from '../../../../shared/capture/contact'
import { captureFileKind } from '../../../../shared/capture/recognize'
import { captureProblemText, readDroppedFile } from './read-captured'

interface Handlers {
  onCaptured: (captured: CapturedLead) => void
  onProblem: (message: string) => void
}

export const unsupportedDrop =
  'Only a contact card (.vcf) or a saved email (.eml) can be dropped here.'

/**
 * A contact card (`.vcf`) or a saved email (`.eml`) dropped anywhere on the window is read
 * into the lead it describes. Drops of text are left to the field under them.
 */
export function useCaptureDrop(region: string | undefined, handlers: Handlers): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      event.dataTransfer!.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      // Unhandled, a dropped file would replace the page.
      event.preventDefault()
      const file = event.dataTransfer?.files[0]
      const kind = file ? captureFileKind(file) : undefined
      if (!file || !kind) {
        latest.current.onProblem(unsupportedDrop)
        return
      }
      readDroppedFile(file, kind, region).then(
        (captured) => latest.current.onCaptured(captured),
        (error: unknown) => latest.current.onProblem(captureProblemText(error)),
      )
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [region])
}
