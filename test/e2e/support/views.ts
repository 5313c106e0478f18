import type { Page } from 'playwright-core'

const viewKeys = { Inbox: 'Control+1', Outbox: 'Control+2', Settings: 'Control+3' } as const

export type ViewName = keyof typeof viewKeys

const viewHeading = (page: Page, view: ViewName) =>
  page.getByRole('heading', { level: 1, name: view })

/** Loads the main window from the harness and waits until it shows its first view. */
export async function openMainWindow(page: Page, harnessUrl: string): Promise<void> {
  await page.goto(`${harnessUrl}/index.html`)
  await viewHeading(page, 'Inbox').waitFor()
}

/** Goes to a view with its keyboard shortcut, as a user would, and waits for it. */
export async function goToView(page: Page, view: ViewName): Promise<void> {
  await page.keyboard.press(viewKeys[view])
  await viewHeading(page, view).waitFor()
}
