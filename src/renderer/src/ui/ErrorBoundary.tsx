import { Component, type ErrorInfo, type ReactNode } from 'react'
import { describeError } from './describe-error'

interface Props {
  /** What failed, in the user's words: "Leadbox", "Inbox", "Settings". */
  label: string
  children: ReactNode
}

interface State {
  error: unknown
  failed: boolean
}

/** Shows what went wrong and a way back, instead of an empty window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, failed: false }

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.label} failed to render`, error, info.componentStack)
  }

  private readonly reset = (): void => {
    this.setState({ error: undefined, failed: false })
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    // The message is for the user; the error itself went to the log in componentDidCatch.
    const { message } = describeError(this.state.error)
    return (
      <div className="error-panel" role="alert">
        <p className="error-panel__title">{this.props.label} ran into a problem</p>
        <p className="error-panel__message">{message}</p>
        <button type="button" className="button" onClick={this.reset}>
          Try again
        </button>
      </div>
    )
  }
}
