import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { post } from './helpers/accounts'
import { freshDatabaseUri, testDatabase } from './helpers/database'
import { startProductionCms, type RunningServer } from './helpers/server'

const missingId = testDatabase === 'mongodb' ? '65f0c0ffee0000000000beef' : '987654321'

/**
 * Logs at the right level: a batch of refused requests (400s, 401, 403, 404) on a production CMS
 * leaves no ERROR line and no stack trace in its log, and each refusal is one line at info or warn
 * saying what was refused. The CMS's own output is captured (server.output()).
 */

let cms: RunningServer
let adminToken: string
let marketerToken: string

const stripColours = (text: string) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')

async function send(method: string, path: string, options: { token?: string; body?: string } = {}) {
  const headers: Record<string, string> = {}
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.token) headers.authorization = `JWT ${options.token}`
  const response = await fetch(`${cms.url}${path}`, { method, headers, body: options.body })
  await response.text()
  return response.status
}

beforeAll(async () => {
  cms = await startProductionCms({ databaseUri: freshDatabaseUri('log-levels') })
  const first = await post(cms.url, '/api/users/first-register', { email: 'admin@logs.example', password: 'Admin-password-1234', name: 'Admin' })
  expect(first.status, first.text).toBeLessThan(300)
  adminToken = String((await post(cms.url, '/api/users/login', { email: 'admin@logs.example', password: 'Admin-password-1234' })).body.token)
  const marketer = await post(
    cms.url,
    '/api/users',
    { email: 'marketer@logs.example', password: 'Marketer-password-1234', name: 'Marketer', role: 'marketer' },
    { token: adminToken },
  )
  expect(marketer.status, marketer.text).toBe(201)
  marketerToken = String((await post(cms.url, '/api/users/login', { email: 'marketer@logs.example', password: 'Marketer-password-1234' })).body.token)
}, 180_000)

afterAll(async () => {
  await cms?.stop()
})

describe('log levels', () => {
  it('a batch of refused requests leaves no ERROR line and no stack, one info/warn line each', async () => {
    const before = cms.output().length
    const refusals: [string, string, { token?: string; body?: string }, number][] = [
      // A redirect to itself and one without a target: 400 with field messages.
      ['POST', '/api/redirects', { token: adminToken, body: JSON.stringify({ from: '/loop', to: { type: 'custom', url: '/loop' } }) }, 400],
      ['POST', '/api/redirects', { token: adminToken, body: JSON.stringify({ from: '' }) }, 400],
      // A marketer creating a user: 403.
      ['POST', '/api/users', { token: marketerToken, body: JSON.stringify({ email: 'x@logs.example', password: 'Some-password-1234', role: 'admin' }) }, 403],
      // Validation errors: an article without its required fields.
      ['POST', '/api/articles', { token: adminToken, body: JSON.stringify({ _status: 'published' }) }, 400],
      // A body that is not JSON.
      ['POST', '/api/articles', { token: adminToken, body: '{"title": ' }, 400],
      // A document that does not exist (an id of the database's own shape), and a wrong password.
      ['GET', `/api/articles/${missingId}`, { token: adminToken }, 404],
      ['POST', '/api/users/login', { body: JSON.stringify({ email: 'admin@logs.example', password: 'wrong-password-0000' }) }, 401],
    ]
    for (const [method, path, options, expected] of refusals) {
      expect(await send(method, path, options), `${method} ${path}`).toBe(expected)
    }
    // Let the logger flush.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const log = stripColours(cms.output().slice(before))
    const errorLines = log.split('\n').filter((line) => /\bERROR\b|"level":50/.test(line))
    expect(errorLines, log).toEqual([])
    expect(log, 'no stack trace').not.toMatch(/^\s+at .+\(.+:\d+:\d+\)/m)
    // Each refusal is told, at info or warn, in one line with its status, method and path.
    expect(log).toMatch(/(INFO|WARN).*: 400 POST \/api\/redirects \(redirects, users:\S+\): .+/)
    expect(log).toMatch(/WARN.*: 403 POST \/api\/users \(users, users:\S+\): /)
    expect(log).toMatch(/INFO.*: 400 POST \/api\/articles \(articles, users:\S+\): .*\[fields: .*title/)
    expect(log).toMatch(new RegExp(`INFO.*: 404 GET /api/articles/${missingId}`))
  }, 120_000)
})
