import { z } from 'zod'
import { shortcutSchema } from '../../../shared/shortcut'
import { accountRecordSchema, oauthClientRecordSchema } from '../accounts/account-record'
import type { Db } from '../db/database'

const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(320),
  height: z.number().int().min(240),
  maximized: z.boolean(),
})

/** Every preference Leadbox keeps, with its shape. Secrets never belong here. */
export const settingSchemas = {
  mainWindowBounds: windowBoundsSchema,
  /** The signed-in Pipedrive account (null once signed out); its token is in the keychain. */
  pipedriveAccount: accountRecordSchema.nullable(),
  /** The Pipedrive app entered in Settings (null: none); its secret is in the keychain. */
  pipedriveOAuthClient: oauthClientRecordSchema.nullable(),
  /** The global quick-add shortcut, when the user picked another than the default. */
  quickAddShortcut: shortcutSchema,
  /** What the user last chose for launching at login; absent until a first sign-in or a choice. */
  launchAtLogin: z.boolean(),
  /** Whether opening quick add offers a contact found on the clipboard; absent means yes. */
  offerClipboardContacts: z.boolean(),
} as const

export type SettingKey = keyof typeof settingSchemas
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>

export interface SettingsStore {
  get<K extends SettingKey>(key: K): SettingValue<K> | undefined
  set<K extends SettingKey>(key: K, value: SettingValue<K>): void
}

export function createSettingsStore(db: Db, now: () => number = Date.now): SettingsStore {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const write = db.prepare<[string, string, number]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  )
  return {
    get(key) {
      const row = read.get(key)
      if (!row) return undefined
      // A value written by an older or newer build that no longer fits is ignored, not fatal.
      let stored: unknown
      try {
        stored = JSON.parse(row.value)
      } catch {
        return undefined
      }
      const parsed = settingSchemas[key].safeParse(stored)
      return parsed.success ? (parsed.data as SettingValue<typeof key>) : undefined
    },
    set(key, value) {
      const parsed = settingSchemas[key].parse(value)
      write.run(key, JSON.stringify(parsed), now())
    },
  }
}
