import './zod-config'
import './styles/theme.css'
import './styles/frame.css'
import './styles/controls.css'
import './styles/labels.css'
import { StrictMode, useLayoutEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { createQueryClient, useMainEvents } from './api'
import { AppFrame } from './features/frame/AppFrame'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { holdEarlyKeys } from './ui/early-keys'
import { mountPoint } from './ui/mount-point'

// First thing: a shortcut pressed before the app below is drawn still takes effect.
const earlyKeys = holdEarlyKeys(window)

const queryClient = createQueryClient()

function MainWindow() {
  useMainEvents(queryClient)
  // The frame attaches its key listeners in layout effects of this same commit, and a
  // parent's layout effect runs after its children's: they are listening now.
  useLayoutEffect(() => earlyKeys.replay(), [])
  return <AppFrame />
}

createRoot(mountPoint()).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary label="Leadbox">
        <MainWindow />
      </ErrorBoundary>
    </QueryClientProvider>
  </StrictMode>,
)
