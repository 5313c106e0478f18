import { DiagnosticsSection } from './DiagnosticsSection'
import { PipedriveAccountSection } from './PipedriveAccountSection'
import { ShortcutSection } from './ShortcutSection'

export function SettingsView() {
  return (
    <div className="stack stack--sections">
      <PipedriveAccountSection />
      <ShortcutSection />
      <DiagnosticsSection />
    </div>
  )
}
