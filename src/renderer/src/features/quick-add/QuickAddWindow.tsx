import { QuickAddField } from './QuickAddField'

export function QuickAddWindow() {
  return (
    <main className="quick-add">
      <QuickAddField />
    </main>
  )
}
