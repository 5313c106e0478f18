import { useQueryClient } from '@tanstack/react-query'
import { useMainEvents } from '../../api'
import { QuickAddField } from './QuickAddField'

interface Props {
  /** What was typed before the window was drawn, once: see holdEarlyKeys. */
  takeEarlyText?: () => string
}

export function QuickAddWindow({ takeEarlyText }: Props) {
  // Sync status changes decide whether "Saved" says the lead waits to sync.
  useMainEvents(useQueryClient())
  return (
    <main className="quick-add" aria-label="Quick add">
      <QuickAddField takeEarlyText={takeEarlyText} />
    </main>
  )
}
