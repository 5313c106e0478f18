import { ApiUsageSection } from './ApiUsageSection'
import { DiagnosticsSection } from './DiagnosticsSection'
import { LeadDefaultsSection } from './LeadDefaultsSection'
import { ClipboardOfferSection } from './ClipboardOfferSection'
import { LaunchAtLoginSection } from './LaunchAtLoginSection'
import { PipedriveAccountSection } from './PipedriveAccountSection'
import { ShortcutSection } from './ShortcutSection'
import { UpdateSection } from './UpdateSection'

export function SettingsView() {
  return (
    <div className="stack stack--sections">
      <PipedriveAccountSection />
      <LeadDefaultsSection />
      <ShortcutSection />
      <LaunchAtLoginSection />
      <ClipboardOfferSection />
      <UpdateSection />
      <ApiUsageSection />
      <DiagnosticsSection />
    </div>
  )
}
