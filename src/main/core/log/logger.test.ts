import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { createFileLogger, type Logger } from './logger'
import { Secret } from './secret'

const tempDir = useTempDirs()

async function logged(write: (log: Logger) => void) {
  const dir = tempDir()
  const { log, close } = await createFileLogger(dir)
  write(log)
  await close()
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('')
}

describe('the log', () => {
  it('writes JSON lines to a rolling file in its folder', async () => {
    const text = await logged((log) => log.info({ leads: 3 }, 'drained'))
    const line = JSON.parse(text.trim().split('\n').at(-1)!)
    expect(line).toMatchObject({ msg: 'drained', leads: 3, level: 30 })
  })

  it('never writes a Secret, wherever it sits', async () => {
    const token = new Secret('tok-123456789')
    const text = await logged((log) => {
      log.info({ token, nested: { deeper: { value: token } } }, 'with a secret object')
      log.info(`interpolated ${String(token)} ${token}`)
      log.info({ list: [token, { token }] }, 'in a list')
    })
    expect(text).not.toContain('tok-123456789')
    expect(text).toContain('[redacted]')
  })

  it('redacts secret-named keys even when they hold plain strings', async () => {
    const text = await logged((log) => {
      log.info({ apiToken: 'plain-api-token' }, 'a')
      log.info({ request: { headers: { authorization: 'Bearer plain-bearer' } } }, 'b')
      log.info({ headers: { 'x-api-token': 'plain-header-token' } }, 'c')
      log.info({ body: { refresh_token: 'plain-refresh', client_secret: 'plain-client' } }, 'd')
    })
    for (const secret of [
      'plain-api-token',
      'plain-bearer',
      'plain-header-token',
      'plain-refresh',
      'plain-client',
    ]) {
      expect(text).not.toContain(secret)
    }
  })
})

describe('Secret', () => {
  it('shows its value only through reveal()', () => {
    const secret = new Secret('s3cr3t')
    expect(secret.reveal()).toBe('s3cr3t')
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}')
    expect(`${secret}`).toBe('[redacted]')
    expect(inspect({ secret })).not.toContain('s3cr3t')
    expect(Object.keys(secret)).toEqual([])
  })
})
