import { describe, expect, it } from 'vitest'
import { useInboxRig } from './support/inbox-rig'

const { openInbox } = useInboxRig()

describe('quick add in the OS locale language', () => {
  it('reads German close dates and amounts, and English still', async () => {
    const { page, harness: h, problems } = await openInbox({ locale: 'de-DE' })
    const quickAdd = await page.context().newPage()
    await quickAdd.goto(`${h.url}/quick-add.html`)
    const line = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
    const chips = quickAdd.getByRole('list', { name: 'Read from the line' }).getByRole('listitem')
    const title = quickAdd.getByTestId('quick-add-title')

    await line.pressSequentially('Angebot @Maria Schmidt 1.234,50 € fällig morgen')
    await expect.poll(() => chips.count()).toBe(3)
    expect(await title.textContent()).toBe('Angebot')
    const meanings = await chips.locator('.chip__meaning').allTextContents()
    expect(meanings[1]).toBe('1.234,50 EUR')

    await line.fill('')
    await line.pressSequentially('Offer due tomorrow')
    await expect.poll(() => chips.count()).toBe(1)
    expect(await title.textContent()).toBe('Offer')
    expect(problems).toEqual([])
  })
})
