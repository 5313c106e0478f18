import { DiagnosticsSection } from './DiagnosticsSection'
import { LeadDefaultsSection } from './LeadDefaultsSection'
import { PipedriveAccountSection } from './PipedriveAccountSection'
import { ShortcutSection } from './ShortcutSection'

export function SettingsView() {
  return (
    <div className="stack stack--sections">
      <PipedriveAccountSection />
      <LeadDefaultsSection />
      <ShortcutSection />
      <DiagnosticsSection />
    </div>
  )
}
