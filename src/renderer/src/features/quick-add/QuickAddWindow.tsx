import { QuickAddField } from './QuickAddField'

interface Props {
  /** What was typed before the window was drawn, once: see holdEarlyKeys. */
  takeEarlyText?: () => string
}

export function QuickAddWindow({ takeEarlyText }: Props) {
  return (
    <main className="quick-add" aria-label="Quick add">
      <QuickAddField takeEarlyText={takeEarlyText} />
    </main>
  )
}
