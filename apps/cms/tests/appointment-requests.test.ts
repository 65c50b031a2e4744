import { bookingConsent } from '@clinic/cms-types'
import { beforeAll, describe, expect, it } from 'vitest'
import { graphql, rest, type ApiResponse } from './helpers/rest'
import { unique } from './helpers/fixtures'

/**
 * Appointment requests over REST and GraphQL on the production server: the site's booking account
 * (an API key) can create requests and nothing else; only editors and admins read them; the
 * booking rules shared with the site are enforced here too.
 */

const apiKey = `booking-key-${unique('k').replace(/\W/g, '')}-0123456789`
const asService = { authorization: `service-accounts API-Key ${apiKey}` }

async function service(method: string, path: string, body?: unknown): Promise<ApiResponse> {
  return rest('anonymous', method, path, body, asService)
}

const validRequest = () => ({
  name: 'Rowan Visitor',
  email: 'rowan@example.com',
  phone: '+44 20 7946 0958',
  preferredService: null,
  preferredTimes: 'Tuesday or Thursday after 4 pm',
  message: 'My lower back has been stiff for a week.',
  consent: true,
  consentVersion: bookingConsent.version,
  idempotencyKey: unique('key').replace(/\W/g, '-'),
})

let existingId: number | string

beforeAll(async () => {
  const account = await rest('admin', 'POST', '/api/service-accounts', {
    name: 'Integration booking form',
    purpose: 'booking',
    enableAPIKey: true,
    apiKey,
  })
  expect(account.status, account.text).toBe(201)
  const created = await service('POST', '/api/appointment-requests', validRequest())
  expect(created.status, created.text).toBe(201)
  existingId = created.body.doc.id
})

describe('the booking service account', () => {
  it('creates a request, stored as new with the time and version of consent', async () => {
    const before = Date.now()
    const response = await service('POST', '/api/appointment-requests', { ...validRequest(), status: 'closed' })
    expect(response.status, response.text).toBe(201)
    const stored = await rest('admin', 'GET', `/api/appointment-requests/${response.body.doc.id}`)
    expect(stored.body.status).toBe('new')
    expect(stored.body.consentVersion).toBe(bookingConsent.version)
    expect(Date.parse(stored.body.consentedAt)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('gets the answer to its request back without the personal data being readable later', async () => {
    const list = await service('GET', '/api/appointment-requests')
    expect(list.status).toBe(403)
    const byId = await service('GET', `/api/appointment-requests/${existingId}`)
    expect(byId.status).toBe(403)
    const count = await service('GET', '/api/appointment-requests/count')
    expect(count.status).toBe(403)
    const gql = await rest('anonymous', 'POST', '/api/graphql', { query: '{ AppointmentRequests { docs { email message } } }' }, asService)
    expect(JSON.stringify(gql.body)).not.toContain('rowan@example.com')
    expect(gql.body.errors?.[0]?.message ?? '').toMatch(/not allowed/i)
  })

  it('cannot change or delete requests', async () => {
    expect((await service('PATCH', `/api/appointment-requests/${existingId}`, { status: 'closed' })).status).toBe(403)
    expect((await service('DELETE', `/api/appointment-requests/${existingId}`)).status).toBe(403)
    const stored = await rest('admin', 'GET', `/api/appointment-requests/${existingId}`)
    expect(stored.body.status).toBe('new')
  })

  it('cannot read staff accounts, service accounts or drafts, nor write content, nor run jobs', async () => {
    expect((await service('GET', '/api/users')).status).toBe(403)
    expect((await service('GET', '/api/service-accounts')).status).toBe(403)
    expect((await service('POST', '/api/service-accounts', { name: 'Another', purpose: 'booking' })).status).toBe(403)
    expect((await service('POST', '/api/articles', { title: 'Not allowed' })).status).toBe(403)
    expect((await service('POST', '/api/globals/site-settings', { clinicName: 'Taken over' })).status).toBe(403)
    const drafts = await service('GET', '/api/articles?draft=true&where[_status][equals]=draft')
    expect(drafts.body.docs ?? []).toEqual([])
    const run = await service('GET', '/api/payload-jobs/run')
    expect([401, 403]).toContain(run.status)
  })

  it('cannot sign in with a password (API key only)', async () => {
    const login = await rest('anonymous', 'POST', '/api/service-accounts/login', { email: 'x@example.com', password: 'whatever-password' })
    expect(login.status).toBeGreaterThanOrEqual(400)
    expect(login.status).toBeLessThan(500)
  })

  it('is refused with a wrong key', async () => {
    const response = await rest('anonymous', 'POST', '/api/appointment-requests', validRequest(), {
      authorization: 'service-accounts API-Key not-the-right-key-000000000',
    })
    expect(response.status).toBe(403)
  })

  it('a second submit of the same form (same key) is answered 409 and stores nothing new', async () => {
    const request = validRequest()
    const first = await service('POST', '/api/appointment-requests', request)
    expect(first.status).toBe(201)
    const second = await service('POST', '/api/appointment-requests', request)
    expect(second.status).toBe(409)
    const stored = await rest('admin', 'GET', `/api/appointment-requests?where[email][equals]=${encodeURIComponent(request.email)}&limit=100`)
    const withKey = (stored.body.docs as { id: unknown }[]).filter((doc) => doc.id === first.body.doc.id)
    expect(withKey).toHaveLength(1)
    const all = await rest('admin', 'GET', `/api/appointment-requests/count`)
    const again = await service('POST', '/api/appointment-requests', request)
    expect(again.status).toBe(409)
    expect((await rest('admin', 'GET', `/api/appointment-requests/count`)).body.totalDocs).toBe(all.body.totalDocs)
  })

  it('the booking rules shared with the site are enforced: a 400 naming each field', async () => {
    const response = await service('POST', '/api/appointment-requests', {
      ...validRequest(),
      name: '',
      email: 'not-an-email',
      phone: 'call me maybe',
      preferredTimes: '',
      consent: false,
      message: 'x'.repeat(1001),
    })
    expect(response.status).toBe(400)
    const fields = (response.body.errors[0].data.errors as { path: string; message: string }[]).map((error) => error.path).sort()
    expect(fields).toEqual(['consent', 'email', 'message', 'name', 'phone', 'preferredTimes'])
    expect(response.text).toContain('Enter an email address in the form name@example.com.')
  })
})

describe('who reads requests', () => {
  it('editors and admins read them, through REST and GraphQL', async () => {
    for (const role of ['editor', 'admin'] as const) {
      const byId = await rest(role, 'GET', `/api/appointment-requests/${existingId}`)
      expect(byId.status, role).toBe(200)
      expect(byId.body.email).toBe('rowan@example.com')
      const gql = await graphql(role, '{ AppointmentRequests { docs { email } } }')
      expect(JSON.stringify(gql.body), role).toContain('rowan@example.com')
    }
  })

  it.each(['marketer', 'anonymous'] as const)('%s cannot read them: REST, GraphQL, counts', async (role) => {
    expect((await rest(role, 'GET', `/api/appointment-requests/${existingId}`)).status).toBe(403)
    expect((await rest(role, 'GET', '/api/appointment-requests')).status).toBe(403)
    expect((await rest(role, 'GET', '/api/appointment-requests/count')).status).toBe(403)
    const gql = await graphql(role, `{ AppointmentRequest(id: ${JSON.stringify(existingId)}) { email } AppointmentRequests { docs { email } } }`)
    expect(JSON.stringify(gql.body)).not.toContain('rowan@example.com')
  })

  it.each(['marketer', 'anonymous'] as const)('%s cannot create them', async (role) => {
    expect((await rest(role, 'POST', '/api/appointment-requests', validRequest())).status).toBe(403)
  })

  it('requests keep no versions', async () => {
    const versions = await rest('admin', 'GET', '/api/appointment-requests/versions')
    expect(versions.status).toBeGreaterThanOrEqual(400)
    expect(versions.status).toBeLessThan(500)
    const gql = await graphql('admin', '{ versionsAppointmentRequests { docs { id } } }')
    expect(gql.body.errors?.length ?? 0).toBeGreaterThan(0)
  })

  it('editors change the status; closing stamps the time retention counts from', async () => {
    const response = await rest('editor', 'PATCH', `/api/appointment-requests/${existingId}`, { status: 'closed' })
    expect(response.status, response.text).toBe(200)
    const stored = await rest('admin', 'GET', `/api/appointment-requests/${existingId}`)
    expect(stored.body.status).toBe('closed')
    expect(Date.parse(stored.body.closedAt)).toBeGreaterThan(Date.now() - 60_000)
    await rest('editor', 'PATCH', `/api/appointment-requests/${existingId}`, { status: 'contacted' })
    expect((await rest('admin', 'GET', `/api/appointment-requests/${existingId}`)).body.closedAt ?? null).toBeNull()
  })
})
