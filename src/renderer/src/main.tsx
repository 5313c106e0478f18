import './zod-config'
import './styles/theme.css'
import './styles/frame.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { createQueryClient, useMainEvents } from './api'
import { AppFrame } from './features/frame/AppFrame'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { mountPoint } from './ui/mount-point'

const queryClient = createQueryClient()

function MainWindow() {
  useMainEvents(queryClient)
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
