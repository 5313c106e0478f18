import { describe, expect, it } from 'vitest'
import { clipboardContact } from './clipboard-contact'

describe('a contact on the clipboard', () => {
  it('is offered from a signature, a vCard or a mailto link', async () => {
    const signature = 'Jane Doe\nHead of Fleet, Acme Ltd\njane@acme.example\n+44 20 7946 0958'
    expect(await clipboardContact(signature, 'GB')).toMatchObject({
      label: 'From clipboard: Jane Doe, jane@acme.example',
      contact: { name: 'Jane Doe', emails: ['jane@acme.example'], phones: ['+442079460958'] },
    })
    const card = 'BEGIN:VCARD\nVERSION:3.0\nFN:Sam Lee\nTEL:+49 30 123456\nEND:VCARD'
    expect((await clipboardContact(card, 'DE'))?.label).toBe('From clipboard: Sam Lee, +4930123456')
    expect((await clipboardContact('mailto:mia@globex.example', 'GB'))?.label).toBe(
      'From clipboard: mia@globex.example',
    )
  })

  it('offers nothing for other text, or when nothing was read', async () => {
    expect(await clipboardContact(null, 'GB')).toBeUndefined()
    expect(await clipboardContact('https://example.com/some/page', 'GB')).toBeUndefined()
    expect(await clipboardContact('just a sentence someone copied', 'GB')).toBeUndefined()
  })
})
