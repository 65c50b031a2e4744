// Login throttling, on servers of its own: throttling is per process (or per Redis), and these
// tests hit the limits on purpose, which must not touch the suite's shared server. Two production
// CMS instances share one database and one Redis, as several instances would in production; both
// trust one proxy (TRUSTED_PROXY=1), so each test picks its own client address with X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountLimits, forgotPasswordMinimumMs } from '@/lib/rate-limit/limits'
import { login, median, newSource, post } from './helpers/accounts'
import { freshDatabaseUri } from './helpers/database'
import { startRedis, type RunningRedis } from './helpers/redis'
import { startProductionCms, type RunningServer } from './helpers/server'

const owner = { email: 'owner@throttle.example', password: 'the owner’s long passphrase' }
const weak = 'short'

let redis: RunningRedis | undefined
let a: RunningServer | undefined
let b: RunningServer | undefined
let first: { status: number; registerAttempts: number[]; afterLimit: number; real: number } | undefined

beforeAll(async () => {
  redis = await startRedis()
  const databaseUri = freshDatabaseUri('throttle')
  const env = { REDIS_URL: redis.url, TRUSTED_PROXY: '1' }
  a = await startProductionCms({ databaseUri, env })
  b = await startProductionCms({ databaseUri, env })
  // First-register is throttled too: a source may try it a limited number of times. The tries are
  // refused by the password policy, so the database stays without an account until the real one.
  const stranger = newSource()
  const registerAttempts: number[] = []
  for (let i = 0; i < accountLimits.firstRegisterBySource.points; i++) {
    registerAttempts.push((await post(a.url, '/api/users/first-register', { email: `x${i}@throttle.example`, password: weak, name: 'X' }, { source: stranger })).status)
  }
  const afterLimit = (await post(a.url, '/api/users/first-register', { ...owner, name: 'Owner' }, { source: stranger })).status
  const real = (await post(a.url, '/api/users/first-register', { ...owner, name: 'Owner' }, { source: newSource() })).status
  first = { status: real, registerAttempts, afterLimit, real }
}, 600_000)

afterAll(async () => {
  await a?.stop()
  await b?.stop()
  await redis?.stop()
})

const perAccount = accountLimits.loginFailuresBySourceAndAccount.points
const perSource = accountLimits.loginFailuresBySource.points

describe('first-register', () => {
  it('refuses a weak password with 400 and is throttled per source (429 after the limit); another source still registers', () => {
    expect(first!.registerAttempts).toEqual(Array(accountLimits.firstRegisterBySource.points).fill(400))
    expect(first!.afterLimit).toBe(429)
    expect(first!.real).toBe(200)
  })
})

describe('login throttling', () => {
  it(`a stranger guessing the owner’s password is refused after ${perAccount} tries, with 429, a message and Retry-After; the owner still logs in from elsewhere`, async () => {
    const stranger = newSource()
    for (let i = 0; i < perAccount; i++) {
      const guess = await login(a!.url, owner.email, `guess number ${i} for the owner`, stranger)
      expect(guess.status, guess.text).toBe(401)
      expect(guess.text).not.toMatch(/lock/i)
    }
    const throttled = await login(a!.url, owner.email, 'one more guess for the owner', stranger)
    expect(throttled.status).toBe(429)
    expect(throttled.body.errors[0].message).toMatch(/Too many attempts.*wait \d+ minutes?/)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(throttled.headers.get('retry-after'))).toBeLessThanOrEqual(accountLimits.loginFailuresBySourceAndAccount.duration)
    // Even the right password is refused from the stranger's source for now …
    expect((await login(a!.url, owner.email, owner.password, stranger)).status).toBe(429)
    // … but not from the owner's own.
    const ownerLogin = await login(a!.url, owner.email, owner.password, newSource())
    expect(ownerLogin.status, ownerLogin.text).toBe(200)
    expect(typeof ownerLogin.body.token).toBe('string')
  })

  it('a limit reached on instance A is enforced on instance B (counters shared in Redis)', async () => {
    const stranger = newSource()
    for (let i = 0; i < perAccount; i++) expect((await login(a!.url, owner.email, `wrong guess ${i} on A`, stranger)).status).toBe(401)
    const onB = await login(b!.url, owner.email, 'next guess, on instance B', stranger)
    expect(onB.status).toBe(429)
    expect(Number(onB.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it(`one source trying many accounts is refused after ${perSource} failures, even for an account it has not tried`, async () => {
    const sprayer = newSource()
    const statuses: number[] = []
    for (let i = 0; i < perSource; i++) statuses.push((await login(a!.url, `person${i}@throttle.example`, 'a long wrong password', sprayer)).status)
    expect(statuses).toEqual(Array(perSource).fill(401))
    expect((await login(b!.url, 'someone-new@throttle.example', 'a long wrong password', sprayer)).status).toBe(429)
    expect((await login(a!.url, owner.email, owner.password, newSource())).status).toBe(200)
  })

  it('a successful login ends the run of failures for that source and account (a typo does not add up)', async () => {
    const me = newSource()
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < perAccount - 1; i++) expect((await login(a!.url, owner.email, `my typo ${round}-${i}`, me)).status).toBe(401)
      expect((await login(a!.url, owner.email, owner.password, me)).status).toBe(200)
    }
  })

  it('no lockout of the account itself: many wrong passwords from many sources leave the owner’s login working', async () => {
    for (let i = 0; i < 12; i++) expect((await login(b!.url, owner.email, `wrong from afar ${i}`, newSource())).status).toBe(401)
    expect((await login(b!.url, owner.email, owner.password, newSource())).status).toBe(200)
  })

  it.each([
    ['forgot-password, per source and account', accountLimits.resetEmailsBySourceAndAccount.points, '/api/users/forgot-password', () => ({ email: owner.email }), 200],
    ['forgot-password, per source', accountLimits.resetEmailsBySource.points, '/api/users/forgot-password', (i: number) => ({ email: `nobody${i}@throttle.example` }), 200],
    ['reset-password, per source', accountLimits.passwordResetsBySource.points, '/api/users/reset-password', (i: number) => ({ token: `not-a-token-${i}`, password: 'a perfectly fine new password' }), 403],
  ] as const)('%s: %i allowed, then 429 with Retry-After', async (_label, limit, path, body, allowedStatus) => {
    const source = newSource()
    for (let i = 0; i < limit; i++) {
      const answer = await post(i % 2 ? b!.url : a!.url, path, body(i), { source })
      expect(answer.status, answer.text).toBe(allowedStatus)
    }
    const refused = await post(a!.url, path, body(limit), { source })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('GraphQL login is counted with REST login (same limit, same source)', async () => {
    const source = newSource()
    const mutation = `mutation { loginUser(email: "${owner.email}", password: "graphql guess") { token } }`
    for (let i = 0; i < perAccount; i++) {
      const answer = i % 2 ? await login(a!.url, owner.email, `rest guess ${i}`, source) : await post(a!.url, '/api/graphql', { query: mutation }, { source })
      expect(answer.status).toBeLessThan(500)
      expect(answer.text).not.toContain('"token":"')
    }
    const refused = await post(a!.url, '/api/graphql', { query: mutation }, { source })
    expect(refused.text).toMatch(/Too many attempts/)
  })
})

describe('the same answer for unknown and existing emails', () => {
  it('login: same status and body for an unknown email and for a wrong password', async () => {
    const unknown = await login(a!.url, 'nobody-here@throttle.example', 'a long wrong password', newSource())
    const known = await login(a!.url, owner.email, 'a long wrong password', newSource())
    expect(unknown.status).toBe(401)
    expect(known.status).toBe(401)
    expect(unknown.body).toEqual(known.body)
  })

  it('login: an unknown email takes as long as a wrong password (a password hash is computed on both paths)', async () => {
    // Medians of interleaved tries, compared with a generous ratio: without the extra hash for
    // unknown emails they answer ~20× faster (no hash at all); with it, within a factor of two.
    const unknown: number[] = []
    const known: number[] = []
    for (let i = 0; i < 9; i++) {
      for (const [email, into] of [[`ghost${i}@throttle.example`, unknown], [owner.email, known]] as const) {
        const started = performance.now()
        const answer = await login(a!.url, email, 'a long wrong password', newSource())
        into.push(performance.now() - started)
        expect(answer.status).toBe(401)
      }
    }
    const ratio = median(unknown) / median(known)
    expect(ratio, `median unknown ${median(unknown).toFixed(0)} ms, known ${median(known).toFixed(0)} ms`).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  })

  it(`forgot-password: same answer, and both take at least the ${forgotPasswordMinimumMs} ms floor with similar medians`, async () => {
    const unknown: number[] = []
    const known: number[] = []
    const bodies = new Set<string>()
    for (let i = 0; i < 3; i++) {
      for (const [email, into] of [[`ghost-reset${i}@throttle.example`, unknown], [owner.email, known]] as const) {
        const started = performance.now()
        const answer = await post(a!.url, '/api/users/forgot-password', { email }, { source: newSource() })
        into.push(performance.now() - started)
        expect(answer.status).toBe(200)
        bodies.add(answer.text)
      }
    }
    expect([...bodies]).toHaveLength(1)
    expect(Math.min(...unknown, ...known)).toBeGreaterThanOrEqual(forgotPasswordMinimumMs - 5)
    const ratio = median(unknown) / median(known)
    expect(ratio, `median unknown ${median(unknown).toFixed(0)} ms, known ${median(known).toFixed(0)} ms`).toBeGreaterThan(0.7)
    expect(ratio).toBeLessThan(1.4)
  })
})
