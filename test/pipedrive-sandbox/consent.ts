// Clicks "Allow" on the sandbox's consent page over plain HTTP, for tests that do not want a
// browser. Returns the redirect the browser would have followed (code and state in its query).
export async function approveConsent(authorizeUrl: string): Promise<URL> {
  const page = await fetch(authorizeUrl)
  const text = await page.text()
  if (page.status !== 200) throw new Error(`Consent page answered ${page.status}: ${text}`)
  const consent = /name="consent" value="([^"]+)"/.exec(text)?.[1]
  if (!consent) throw new Error('No consent form on the page')
  const decision = await fetch(new URL('/oauth/authorize', authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ consent, decision: 'allow' }),
    redirect: 'manual',
  })
  const location = decision.headers.get('location')
  if (decision.status !== 302 || !location) {
    throw new Error(`Consent answered ${decision.status} without a redirect`)
  }
  return new URL(location)
}
