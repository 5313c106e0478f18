import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { openDatabase } from '../db/database'
import { createSilentLogger } from '../log/logger'
import { createSettingsStore } from '../settings/settings-store'
import { createClipboardOffer } from './clipboard-offer'

const tempDir = useTempDirs()

function setup() {
  const { db } = openDatabase(join(tempDir(), 'leadbox.db'), { log: createSilentLogger() })
  const settings = createSettingsStore(db)
  let reads = 0
  const clipboard = { text: 'Jane Doe\njane@acme.example' }
  const readText = async () => {
    reads += 1
    return clipboard.text
  }
  return {
    offer: createClipboardOffer(settings),
    settings,
    readText,
    reads: () => reads,
    clipboard,
  }
}

describe("quick add's clipboard offer", () => {
  it('hands over what the clipboard held at opening, once', async () => {
    const { offer, readText, reads, clipboard } = setup()
    expect(await offer.take()).toBeNull()
    expect(reads()).toBe(0)
    offer.opened(readText)
    clipboard.text = 'copied later'
    expect(await offer.take()).toBe('Jane Doe\njane@acme.example')
    expect(await offer.take()).toBeNull()
    expect(reads()).toBe(1)
  })

  it('forgets it when the window hides, and offers nothing blank or huge', async () => {
    const { offer, readText, clipboard } = setup()
    offer.opened(readText)
    offer.forget()
    expect(await offer.take()).toBeNull()
    for (const text of ['  \n ', 'x'.repeat(20_001)]) {
      clipboard.text = text
      offer.opened(readText)
      expect(await offer.take()).toBeNull()
    }
    offer.opened(() => Promise.reject(new Error('no clipboard here')))
    expect(await offer.take()).toBeNull()
  })

  it('is on by default, and once turned off the clipboard is not read at all', async () => {
    const { offer, settings, readText, reads } = setup()
    expect(offer.enabled()).toBe(true)
    offer.opened(readText)
    expect(offer.setEnabled(false)).toBe(false)
    // What was read before is not handed over either.
    expect(await offer.take()).toBeNull()
    offer.opened(readText)
    expect(await offer.take()).toBeNull()
    expect(reads()).toBe(1)
    expect(settings.get('offerClipboardContacts')).toBe(false)
    expect(createClipboardOffer(settings).enabled()).toBe(false)
  })
})
