import { DiagnosticsSection } from './DiagnosticsSection'
import { PipedriveAccountSection } from './PipedriveAccountSection'

export function SettingsView() {
  return (
    <div className="stack stack--sections">
      <PipedriveAccountSection />
      <DiagnosticsSection />
    </div>
  )
}
