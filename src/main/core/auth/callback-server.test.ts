import { describe, expect, it } from 'vitest'
import { startCallbackServer } from './callback-server'
import { freePort } from './testing'

const get = (url: string) => fetch(url, { redirect: 'manual' })

describe('the OAuth callback server', () => {
  it('listens on 127.0.0.1 only, at the registered callback URL', async () => {
    const port = await freePort()
    const server = await startCallbackServer({ port, state: 'right' })
    try {
      expect(server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port })
      expect(server.redirectUri).toBe(`http://localhost:${port}/oauth/callback`)
    } finally {
      await server.close()
    }
    expect(server.address()).toBeNull()
  })

  it('refuses a wrong or missing state and keeps waiting for the right one', async () => {
    const port = await freePort()
    const server = await startCallbackServer({ port, state: 'right' })
    const base = `http://127.0.0.1:${port}/oauth/callback`
    const wrong = await get(`${base}?code=stolen&state=wrong`)
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain('not valid')
    expect((await get(`${base}?code=stolen`)).status).toBe(400)
    expect((await get(`http://127.0.0.1:${port}/elsewhere?state=right&code=x`)).status).toBe(404)

    const right = await get(`${base}?code=the-code&state=right`)
    expect(right.status).toBe(200)
    expect(right.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(await right.text()).toContain('You can close this tab')
    await expect(server.code).resolves.toBe('the-code')
    // One use: the server is gone afterwards.
    await expect(get(`${base}?code=again&state=right`)).rejects.toThrow()
  })

  it('reports a denied consent and closes', async () => {
    const port = await freePort()
    const server = await startCallbackServer({ port, state: 's' })
    const page = await get(`http://127.0.0.1:${port}/oauth/callback?error=access_denied&state=s`)
    expect(page.status).toBe(200)
    await expect(server.code).rejects.toMatchObject({
      code: 'pipedrive_rejected',
      message: 'You did not allow Leadbox to access Pipedrive.',
    })
    expect(server.address()).toBeNull()
  })

  it('says in plain words when Pipedrive ends the sign-in for another reason', async () => {
    const port = await freePort()
    const server = await startCallbackServer({ port, state: 's' })
    await get(`http://127.0.0.1:${port}/oauth/callback?error=server_error&state=s`)
    const failure = await server.code.catch((error: Error) => error)
    expect((failure as Error).message).toBe(
      'Pipedrive did not complete the sign-in. Try again, or connect with your API token.',
    )
    expect((failure as Error).message).not.toMatch(/server_error|\(/)
  })

  it('gives up after its time and frees the port', async () => {
    const port = await freePort()
    const server = await startCallbackServer({ port, state: 's', timeoutMs: 100 })
    await expect(server.code).rejects.toThrow(/not finished within 5 minutes/)
    const again = await startCallbackServer({ port, state: 't' })
    await again.close()
    await expect(again.code).rejects.toThrow('The sign-in was cancelled.')
  })

  it('says so when the port is taken', async () => {
    const port = await freePort()
    const first = await startCallbackServer({ port, state: 'a' })
    await expect(startCallbackServer({ port, state: 'b' })).rejects.toThrow(
      `Another program is using port ${port}`,
    )
    await first.close()
  })
})
