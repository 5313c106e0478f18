import { beforeAll } from 'vitest'
import { loadQuickAddLanguage } from './languages'

/**
 * Quick add reads dates once their parsers have loaded, as the window loads them when it
 * opens: English always, and each locale's language given here.
 */
export function loadDateParsersFirst(...locales: string[]): void {
  beforeAll(async () => {
    for (const locale of ['en', ...locales]) await loadQuickAddLanguage(locale)
  })
}
