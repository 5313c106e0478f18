import './zod-config'
import './styles/theme.css'
import './features/quick-add/quick-add.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { createQueryClient } from './api'
import { QuickAddWindow } from './features/quick-add/QuickAddWindow'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { mountPoint } from './ui/mount-point'

const queryClient = createQueryClient()

createRoot(mountPoint()).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary label="Quick add">
        <QuickAddWindow />
      </ErrorBoundary>
    </QueryClientProvider>
  </StrictMode>,
)
