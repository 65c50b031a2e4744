// Staff accounts on the suite's shared server: the password policy on every way a password is set,
// the current password for one's own email or password, equal answers for unknown emails, the
// login cookie. Throttling has its own servers (accounts-throttle.test.ts) so this file stays far
// below the limits: it fails a login only a handful of times.
import { describe, expect, inject, it } from 'vitest'
import { login, post } from './helpers/accounts'
import { rest } from './helpers/rest'
import { unique } from './helpers/fixtures'

const cms = () => inject('cmsUrl')
const goodPassword = 'a long and unusual passphrase'
const newEmail = (label: string) => `${unique(label).replace(/\W/g, '').toLowerCase()}@accounts.example`

/** A fresh editor account and its own login token. */
async function freshEditor(label: string) {
  const email = newEmail(label)
  const created = await rest('admin', 'POST', '/api/users', { email, password: goodPassword, name: 'Fresh Editor', role: 'editor' })
  expect(created.status, created.text).toBe(201)
  const session = await login(cms(), email, goodPassword)
  expect(session.status, session.text).toBe(200)
  return { id: created.body.doc.id as number | string, email, token: session.body.token as string }
}

async function patchSelf(token: string, id: number | string, data: Record<string, unknown>) {
  const response = await fetch(`${cms()}/api/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify(data),
  })
  return { status: response.status, body: (await response.json()) as any }
}

const fieldErrors = (body: any): Array<{ path: string; message: string }> => body?.errors?.[0]?.data?.errors ?? []

const weakPasswords: Array<[string, (email: string) => string, RegExp]> = [
  ['3 characters', () => 'abc', /too short: use at least 12 characters \(it has 3\)/],
  ['11 characters', () => 'elevenchars', /too short: use at least 12 characters \(it has 11\)/],
  ['the email address', (email) => email, /must not be your email address/],
  ['the email address in capitals', (email) => email.toUpperCase(), /must not be your email address/],
  ['a common password', () => 'password1234', /lists attackers try first/],
  ['one character repeated', () => 'zzzzzzzzzzzzzzzz', /lists attackers try first/],
]

describe('password policy (server-side, 400 naming the password field)', () => {
  it.each(weakPasswords)('an admin creating an account with %s is refused', async (_label, password, message) => {
    const email = newEmail('weak')
    const answer = await rest('admin', 'POST', '/api/users', { email, password: password(email), name: 'Weak', role: 'editor' })
    expect(answer.status, answer.text).toBe(400)
    expect(fieldErrors(answer.body)[0]).toMatchObject({ path: 'password', message: expect.stringMatching(message) })
    const found = await rest('admin', 'GET', `/api/users?where[email][equals]=${encodeURIComponent(email)}`)
    expect(found.body.totalDocs).toBe(0)
  })

  it.each(weakPasswords)('an admin setting another person’s password to %s is refused', async (_label, password, message) => {
    const editor = await freshEditor('other')
    const answer = await rest('admin', 'PATCH', `/api/users/${editor.id}`, { password: password(editor.email) })
    expect(answer.status, answer.text).toBe(400)
    expect(fieldErrors(answer.body)[0]).toMatchObject({ path: 'password', message: expect.stringMatching(message) })
    expect((await login(cms(), editor.email, goodPassword)).status).toBe(200)
  })

  it.each(weakPasswords)('changing one’s own password to %s is refused even with the right current password', async (_label, password, message) => {
    const editor = await freshEditor('own')
    const answer = await patchSelf(editor.token, editor.id, { password: password(editor.email), currentPassword: goodPassword })
    expect(answer.status).toBe(400)
    expect(fieldErrors(answer.body)[0]).toMatchObject({ path: 'password', message: expect.stringMatching(message) })
  })

  it('accepts a password of 12 characters or more that is neither the email nor a common one', async () => {
    const email = newEmail('ok')
    const answer = await rest('admin', 'POST', '/api/users', { email, password: 'twelve chars', name: 'Ok', role: 'editor' })
    expect(answer.status, answer.text).toBe(201)
    expect((await login(cms(), email, 'twelve chars')).status).toBe(200)
  })
})

describe('changing one’s own email or password needs the current password', () => {
  const cases: Array<[string, number, (e: { email: string }) => Record<string, unknown>, string | null]> = [
    ['password, no current password', 400, () => ({ password: 'a new long passphrase' }), 'Enter your current password to change your password.'],
    ['password, wrong current password', 400, () => ({ password: 'a new long passphrase', currentPassword: 'not my password at all' }), 'Your current password is not correct, so your password was not changed.'],
    ['password, right current password', 200, () => ({ password: 'a new long passphrase', currentPassword: goodPassword }), null],
    ['email, no current password', 400, () => ({ email: newEmail('moved') }), 'Enter your current password to change your email.'],
    ['email, wrong current password', 400, () => ({ email: newEmail('moved'), currentPassword: 'not my password at all' }), 'Your current password is not correct, so your email was not changed.'],
    ['email, right current password', 200, () => ({ email: newEmail('moved'), currentPassword: goodPassword }), null],
    ['email and password, no current password', 400, () => ({ email: newEmail('moved'), password: 'a new long passphrase' }), 'Enter your current password to change your email and password.'],
    ['the same email in other capitals, no current password', 200, (e) => ({ email: e.email.toUpperCase() }), null],
    ['the name only, no current password', 200, () => ({ name: 'Renamed Editor' }), null],
  ]

  it.each(cases)('REST PATCH of one’s own account: %s → %i', async (_label, status, data, message) => {
    const editor = await freshEditor('self')
    const body = data(editor)
    const answer = await patchSelf(editor.token, editor.id, body)
    expect(answer.status, JSON.stringify(answer.body)).toBe(status)
    if (message) expect(fieldErrors(answer.body)).toEqual([expect.objectContaining({ path: 'currentPassword', message })])
    // What happened is what the answer said.
    const password = status === 200 && typeof body.password === 'string' ? body.password : goodPassword
    const email = status === 200 && typeof body.email === 'string' ? body.email.toLowerCase() : editor.email
    expect((await login(cms(), email, password)).status).toBe(200)
    if (status === 200) expect(answer.body.doc.currentPassword).toBeUndefined()
  })

  it('GraphQL updateUser of one’s own password: refused without the current password, accepted with it', async () => {
    const editor = await freshEditor('graphql')
    const mutate = async (extra: string) => {
      const response = await fetch(`${cms()}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${editor.token}` },
        body: JSON.stringify({ query: `mutation { updateUser(id: ${JSON.stringify(editor.id)}, data: { password: "graphql long passphrase"${extra} }) { email } }` }),
      })
      return (await response.json()) as any
    }
    const refused = await mutate('')
    expect(JSON.stringify(refused.errors)).toMatch(/currentPassword|current password/i)
    expect((await login(cms(), editor.email, goodPassword)).status).toBe(200)
    const accepted = await mutate(`, currentPassword: ${JSON.stringify(goodPassword)}`)
    expect(accepted.errors).toBeUndefined()
    expect((await login(cms(), editor.email, 'graphql long passphrase')).status).toBe(200)
  })

  it('an admin changes another person’s email and password without their password', async () => {
    const editor = await freshEditor('byadmin')
    const email = newEmail('byadmin-new')
    const answer = await rest('admin', 'PATCH', `/api/users/${editor.id}`, { email, password: 'set by the admin, long' })
    expect(answer.status, answer.text).toBe(200)
    expect((await login(cms(), email, 'set by the admin, long')).status).toBe(200)
  })

  it('the current password is never stored or returned', async () => {
    const editor = await freshEditor('noecho')
    await patchSelf(editor.token, editor.id, { name: 'Still Me', currentPassword: goodPassword })
    const read = await rest('admin', 'GET', `/api/users/${editor.id}`)
    expect(read.text).not.toContain(goodPassword)
    expect(read.body.currentPassword).toBeUndefined()
  })
})

describe('the same answer for unknown and existing emails', () => {
  it('login: an unknown email and a wrong password get the same 401 and body, never "locked"', async () => {
    const editor = await freshEditor('same')
    const unknown = await login(cms(), newEmail('nobody'), 'a long wrong password')
    const wrong = await login(cms(), editor.email, 'a long wrong password')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
    expect(wrong.text).not.toMatch(/lock/i)
  })

  it('forgot-password: the same 200 and body for an unknown email and an existing one', async () => {
    const editor = await freshEditor('forgot')
    const unknown = await post(cms(), '/api/users/forgot-password', { email: newEmail('nobody') })
    const known = await post(cms(), '/api/users/forgot-password', { email: editor.email })
    expect(unknown.status).toBe(200)
    expect(known.status).toBe(200)
    expect(known.text).toBe(unknown.text)
  })
})

describe('the login cookie', () => {
  it('is HttpOnly, SameSite=Lax and Secure on a production server', async () => {
    const editor = await freshEditor('cookie')
    const answer = await login(cms(), editor.email, goodPassword)
    const cookie = answer.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=/)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    expect(cookie).toMatch(/;\s*Secure/i)
  })
})
