import { describe, expect, it } from 'vitest'
import { appOrigin, isTrustedSender, senderPage } from './trusted-sender'

const origins = [appOrigin, 'http://localhost:5173']

describe('isTrustedSender', () => {
  it('accepts our own pages', () => {
    for (const url of [
      'app://leadbox/index.html',
      'app://leadbox/quick-add.html',
      'app://leadbox/',
      'app://leadbox/index.html#/settings',
      'http://localhost:5173/index.html?x=1',
    ]) {
      expect(isTrustedSender(url, origins), url).toBe(true)
    }
  })

  it('refuses everything else', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'app://leadbox.evil/index.html',
      'app://evil/index.html',
      'app://leadbox/other.html',
      'app://leadbox/../../etc/passwd',
      'file:///index.html',
      'https://leadbox/index.html',
      'http://localhost:5174/index.html',
      'http://localhost:5173@evil.test/index.html',
      'http://user:pass@localhost:5173/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
    ]) {
      expect(isTrustedSender(url, origins), String(url)).toBe(false)
    }
  })

  it('names the page, so each page gets only its own channels', () => {
    expect(senderPage('app://leadbox/quick-add.html', origins)).toBe('quick-add.html')
    expect(senderPage('app://leadbox/quick-add.html?x#y', origins)).toBe('quick-add.html')
    expect(senderPage('app://leadbox/index.html#/settings', origins)).toBe('index.html')
    expect(senderPage('app://leadbox/', origins)).toBe('index.html')
    expect(senderPage('http://localhost:5173/quick-add.html', origins)).toBe('quick-add.html')
    expect(senderPage('app://leadbox/quick-add.html/../index.html', origins)).toBe('index.html')
    expect(senderPage('app://leadbox/QUICK-ADD.html', origins)).toBeNull()
    expect(senderPage('app://evil/index.html', origins)).toBeNull()
  })
})
