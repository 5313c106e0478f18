// No './zod-config': nothing this window loads uses zod (main checks what it sends), and
// keeping zod out makes the window's script a quarter smaller.
import './styles/theme.css'
import './styles/labels.css'
import './features/quick-add/quick-add.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QuickAddWindow } from './features/quick-add/QuickAddWindow'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { holdEarlyKeys } from './ui/early-keys'
import { mountPoint } from './ui/mount-point'

// First thing: what is typed before the line below is drawn goes into it once it is (the
// window can show before its page is ready: the global shortcut right after start).
const earlyKeys = holdEarlyKeys(window)

createRoot(mountPoint()).render(
  <StrictMode>
    <ErrorBoundary label="Quick add">
      <QuickAddWindow takeEarlyText={earlyKeys.takeText} />
    </ErrorBoundary>
  </StrictMode>,
)
