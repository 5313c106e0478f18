import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, metaContentSecurityPolicy } from './csp'

const directives = new Map(
  contentSecurityPolicy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/)
    return [name!, values] as const
  }),
)

describe('the Content-Security-Policy', () => {
  it('denies by default and allows scripts only from the app', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('has no inline, eval or wildcard source anywhere', () => {
    expect(contentSecurityPolicy).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/,
    )
    expect(contentSecurityPolicy).not.toMatch(/\*|https?:|data:.*script|blob:/)
  })
})

describe('the <meta> form of the policy', () => {
  it('is the same policy less what a meta tag cannot carry', () => {
    expect(metaContentSecurityPolicy).not.toContain('frame-ancestors')
    expect(`${metaContentSecurityPolicy}; frame-ancestors 'none'`.split('; ').sort()).toEqual(
      contentSecurityPolicy.split('; ').sort(),
    )
  })
})
