import { DiagnosticsSection } from './DiagnosticsSection'
import { LaunchAtLoginSection } from './LaunchAtLoginSection'
import { PipedriveAccountSection } from './PipedriveAccountSection'
import { ShortcutSection } from './ShortcutSection'
import { UpdateSection } from './UpdateSection'

export function SettingsView() {
  return (
    <div className="stack stack--sections">
      <PipedriveAccountSection />
      <ShortcutSection />
      <LaunchAtLoginSection />
      <UpdateSection />
      <DiagnosticsSection />
    </div>
  )
}
