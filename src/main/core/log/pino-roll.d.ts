declare module 'pino-roll' {
  import type { DestinationStream } from 'pino'

  interface RollOptions {
    file: string | (() => string)
    size?: number | string
    frequency?: number | 'daily' | 'hourly'
    extension?: string
    mkdir?: boolean
    symlink?: boolean
    limit?: { count?: number; removeOtherLogFiles?: boolean }
    dateFormat?: string
  }

  interface RollStream extends DestinationStream {
    end(): void
    once(event: 'ready' | 'close', listener: () => void): this
    once(event: 'error', listener: (error: Error) => void): this
  }

  export default function roll(options: RollOptions): Promise<RollStream>
}
