import { join } from 'node:path'
import pino from 'pino'
import roll from 'pino-roll'

export type Logger = pino.Logger

/**
 * Keys that may hold a secret anywhere in a log record. Tokens are normally wrapped in
 * `Secret`, which logs as "[redacted]"; this list is the second lock on the door.
 */
const secretKeys = [
  'token',
  'apiToken',
  'api_token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'clientSecret',
  'client_secret',
  'password',
  'authorization',
  'x-api-token',
]
export const redactPaths = [
  ...secretKeys,
  ...secretKeys.map((key) => `*.${key}`),
  ...secretKeys.map((key) => `*.*.${key}`),
  'headers.authorization',
  'headers["x-api-token"]',
]

export function logFileBase(logDir: string): string {
  return join(logDir, 'leadbox')
}

export interface FileLogger {
  log: Logger
  /** Writes what is buffered and closes the file. */
  close(): Promise<void>
}

/** A JSON log in `logDir`, rolled daily or at 5 MB, keeping the last 7 files. */
export async function createFileLogger(logDir: string, level = 'info'): Promise<FileLogger> {
  const stream = await roll({
    file: logFileBase(logDir),
    frequency: 'daily',
    size: '5m',
    mkdir: true,
    limit: { count: 7 },
  })
  // The file is opened in the background; waiting for it means a log that exists on start.
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve())
    stream.once('error', reject)
  })
  const log = pino({ level, redact: { paths: redactPaths, censor: '[redacted]' } }, stream)
  return {
    log,
    close: () =>
      new Promise<void>((resolve) => {
        stream.once('close', () => resolve())
        stream.end()
      }),
  }
}

/** For tests and tools: same redaction, no file. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent', redact: { paths: redactPaths, censor: '[redacted]' } })
}
