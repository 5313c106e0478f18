import { describe, expect, it, vi } from 'vitest'
import { openExternalUrl, safeExternalUrl } from './external-link'

describe('the external-link helper', () => {
  it('opens plain web links', async () => {
    const open = vi.fn(async () => {})
    expect(await openExternalUrl('https://app.pipedrive.com/leads/inbox/abc', open)).toBe(true)
    expect(open).toHaveBeenCalledWith('https://app.pipedrive.com/leads/inbox/abc')
    expect(safeExternalUrl('http://example.com')).toBe('http://example.com/')
  })

  it('refuses hostile or odd input without calling the shell', async () => {
    const open = vi.fn(async () => {})
    const hostile: unknown[] = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'file:///etc/passwd',
      'file://server/share/evil.exe',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox',
      'data:text/html,<script>alert(1)</script>',
      'chrome://settings',
      'app://leadbox/index.html',
      'https://user:password@example.com/',
      'http://',
      '//example.com',
      'example.com',
      '',
      'https://' + 'a'.repeat(3000) + '.com',
      42,
      null,
      undefined,
      { toString: () => 'https://example.com' },
      ['https://example.com'],
    ]
    for (const value of hostile) {
      expect(await openExternalUrl(value, open), String(value)).toBe(false)
    }
    expect(open).not.toHaveBeenCalled()
  })

  it('hands the shell the normalized URL, not the raw string', async () => {
    const open = vi.fn(async () => {})
    await openExternalUrl('HTTPS://Example.COM/a b', open)
    expect(open).toHaveBeenCalledWith('https://example.com/a%20b')
  })
})
