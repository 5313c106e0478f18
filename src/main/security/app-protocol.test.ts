import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAppAsset } from './app-protocol'

const root = resolve('/srv/leadbox/renderer')

describe('resolveAppAsset', () => {
  it('serves files inside the renderer folder with their type', () => {
    expect(resolveAppAsset('app://leadbox/index.html', root)).toEqual({
      file: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    })
    expect(resolveAppAsset('app://leadbox/', root)?.file).toBe(join(root, 'index.html'))
    expect(resolveAppAsset('app://leadbox/assets/index-abc.js', root)?.contentType).toBe(
      'text/javascript; charset=utf-8',
    )
  })

  it('never leaves the renderer folder', () => {
    // The URL parser already folds dot segments of a standard scheme back inside.
    expect(resolveAppAsset('app://leadbox/../secret', root)?.file).toBe(join(root, 'secret'))
    expect(resolveAppAsset('app://leadbox/%2e%2e/etc/passwd', root)?.file).toBe(
      join(root, 'etc/passwd'),
    )
    for (const url of [
      'app://leadbox/..%2f..%2fetc%2fpasswd',
      'app://leadbox/assets/%00.js',
      'app://leadbox/%E0%A4%A',
      'app://other/index.html',
      'not a url',
    ]) {
      expect(resolveAppAsset(url, root), url).toBeNull()
    }
  })
})
