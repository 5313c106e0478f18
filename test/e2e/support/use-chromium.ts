import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium, screenshotDir, type LaunchedBrowser } from './browser'

/**
 * For an end-to-end file: one Chromium for the whole file, started before its tests and
 * closed after them, on the built renderer.
 */
export function useChromium(): Pick<LaunchedBrowser, 'browser'> {
  for (const page of ['index.html', 'quick-add.html']) {
    if (!existsSync(join('out', 'renderer', page))) {
      throw new Error(
        'Build the app first (npm run build): the end-to-end tests load out/renderer.',
      )
    }
  }
  let launched: LaunchedBrowser | undefined
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true })
    launched = await launchChromium()
  })
  afterAll(async () => {
    await launched?.close()
  })
  return {
    get browser() {
      if (!launched) throw new Error('Chromium is not running: use it inside a test.')
      return launched.browser
    },
  }
}
