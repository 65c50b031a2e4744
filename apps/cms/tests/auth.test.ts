import { describe, expect, inject, it } from 'vitest'
import { staffAccounts } from './helpers/staff'
import { rest } from './helpers/rest'

describe('staff login', () => {
  it('works with the right password', async () => {
    const email = `login-${Date.now()}@test.example`
    const created = await rest('admin', 'POST', '/api/users', { email, password: 'right-password-1', name: 'Login Test', role: 'editor' })
    expect(created.status, created.text).toBe(201)
    const ok = await rest('anonymous', 'POST', '/api/users/login', { email, password: 'right-password-1' })
    expect(ok.status).toBe(200)
    expect(ok.body.user.role).toBe('editor')
    expect(typeof ok.body.token).toBe('string')
  })

  it('is refused with a wrong password', async () => {
    const email = `wrong-${Date.now()}@test.example`
    const created = await rest('admin', 'POST', '/api/users', { email, password: 'right-password-1', name: 'Wrong Test', role: 'editor' })
    expect(created.status, `the account exists: ${created.text}`).toBe(201)
    const wrong = await rest('anonymous', 'POST', '/api/users/login', { email, password: 'wrong-password' })
    expect(wrong.status).toBe(401)
    expect(wrong.body?.token).toBeUndefined()
    // The refusal was about the password: the same account logs in with the right one.
    const right = await rest('anonymous', 'POST', '/api/users/login', { email, password: 'right-password-1' })
    expect(right.status, right.text).toBe(200)
  })

  // Payload's per-account lockout is off (anyone knowing an email could lock its owner out);
  // guessing is throttled per source instead: see accounts-throttle.test.ts.

  it('a logged-in admin session can save from the CMS’s own address, but not from another site', async () => {
    const cms = inject('cmsUrl')
    const login = await fetch(`${cms}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: cms },
      body: JSON.stringify({ email: staffAccounts.editor.email, password: staffAccounts.editor.password }),
    })
    expect(login.status).toBe(200)
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    expect(cookie).toMatch(/payload-token=/)
    const created = await rest('editor', 'POST', '/api/team', { name: `CSRF ${Date.now()}`, jobTitle: 'RMT', bio: 'Bio.' })
    const patch = (origin: string, name: string) =>
      fetch(`${cms}/api/team/${created.body.doc.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', origin, cookie },
        body: JSON.stringify({ name }),
      })
    expect((await patch(cms, 'Saved from the admin')).status).toBe(200)
    expect((await patch('https://evil.example', 'Forged elsewhere')).status).toBe(403)
    const after = await rest('editor', 'GET', `/api/team/${created.body.doc.id}?draft=true`)
    expect(after.body.name).toBe('Saved from the admin')
  })

  it('an anonymous caller cannot list or read staff accounts', async () => {
    const list = await rest('anonymous', 'GET', '/api/users')
    expect(list.status).toBe(403)
    expect(list.text).not.toContain('@test.example')
  })
})
