import type { SanitizedConfig } from 'payload'
import { recordCases } from '@clinic/test-support'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { loadConfig } from './helpers/config'
import { testDatabase } from './helpers/database'
import { unique } from './helpers/fixtures'
import { rest, type ApiResponse, type Caller } from './helpers/rest'

/**
 * Every REST endpoint the CMS routes (each collection's and global's, versions, auth and custom
 * endpoints, read from the Payload config itself, so a new one is covered the day it is added), as
 * every role (anonymous, editor, marketer, admin, the booking service account): never a 5xx and never
 * a stack trace. Writes go to ids that do not exist (or are refused first), so nothing is changed.
 * Issue 16: `GET /api/globals/<slug>/versions` as staff used to answer 500.
 */

const config: SanitizedConfig = await loadConfig()
type Role = Caller | 'booking'
const roles: Role[] = ['anonymous', 'editor', 'marketer', 'admin', 'booking']
const missingId = testDatabase === 'mongodb' ? '65f0c0ffee0000000000beef' : '987654321'
// Endpoints that would change a shared account's session (the suite's tokens) or send mail.
const skipped = new Set(['POST /logout', 'POST /refresh-token'])

let bookingKey = ''
const existing = new Map<string, string>()

beforeAll(async () => {
  bookingKey = `every-endpoint-${unique('k').replace(/\W/g, '')}-0123456789`
  const account = await rest('admin', 'POST', '/api/service-accounts', { name: unique('Every endpoint booking'), purpose: 'booking', enableAPIKey: true, apiKey: bookingKey })
  expect(account.status, account.text).toBe(201)
  for (const collection of config.collections) {
    const list = await rest('admin', 'GET', `/api/${collection.slug}?limit=1&depth=0`)
    const id = list.body?.docs?.[0]?.id
    if (id !== undefined) existing.set(collection.slug, String(id))
  }
})

async function call(role: Role, method: string, path: string, body?: unknown): Promise<ApiResponse> {
  if (role !== 'booking') return rest(role, method, path, body)
  const url = `${inject('cmsUrl')}${path}`
  const init: RequestInit = { method, headers: { authorization: `service-accounts API-Key ${bookingKey}` } }
  if (body !== undefined) {
    init.body = JSON.stringify(body)
    ;(init.headers as Record<string, string>)['content-type'] = 'application/json'
  }
  const response = await fetch(url, init)
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: response.status, body: parsed, text }
}

type Case = [label: string, method: string, path: () => string, body?: unknown]

const writes = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

function fill(base: string, endpointPath: string, method: string, slug?: string): () => string {
  return () => {
    let filled = endpointPath.replace(/:id\b/g, () => (writes.has(method) || !slug ? missingId : (existing.get(slug) ?? missingId)))
    filled = filled.replace(/:(\w+)\??/g, 'not-a-real-value')
    const path = `${base}${filled === '/' ? '' : filled}`
    // Bulk writes name a document that does not exist.
    if (writes.has(method) && (filled === '/' || filled === '')) return `${path}?where[id][equals]=${missingId}`
    return path
  }
}

const cases: Case[] = []
for (const collection of config.collections) {
  const endpoints = Array.isArray(collection.endpoints) ? collection.endpoints : []
  for (const endpoint of endpoints) {
    const method = endpoint.method.toUpperCase()
    if (skipped.has(`${method} ${endpoint.path}`)) continue
    cases.push([`${method} /api/${collection.slug}${endpoint.path}`, method, fill(`/api/${collection.slug}`, endpoint.path, method, collection.slug), writes.has(method) && method !== 'DELETE' ? {} : undefined])
  }
}
for (const global of config.globals) {
  const endpoints = Array.isArray(global.endpoints) ? global.endpoints : []
  for (const endpoint of endpoints) {
    const method = endpoint.method.toUpperCase()
    // Saving a global as staff would change the site's settings: its write is sent with a field
    // that cannot be valid instead, so it is refused before anything is saved.
    const body = method === 'POST' ? { depth: 'x', enabled: 'not-a-boolean', clinicName: { nested: true } } : undefined
    cases.push([`${method} /api/globals/${global.slug}${endpoint.path}`, method, fill(`/api/globals/${global.slug}`, endpoint.path, method), body])
  }
}
for (const endpoint of Array.isArray(config.endpoints) ? config.endpoints : []) {
  const method = endpoint.method.toUpperCase()
  cases.push([`${method} /api${endpoint.path}`, method, fill('/api', endpoint.path, method), writes.has(method) ? {} : undefined])
}
// The two routes that are not Payload endpoints.
cases.push(['GET /api/health', 'GET', () => '/api/health'], ['GET /api/health/ready', 'GET', () => '/api/health/ready'])

let checked = 0
describe.each(roles)('as %s', (role) => {
  it.each(cases)('%s', async (label, method, path, body) => {
    checked++
    const response = await call(role, method, path(), body)
    expect(response.status, `${role} ${label} (${path()}) → ${response.status} ${response.text.slice(0, 300)}`).toBeLessThan(500)
    expect(response.text).not.toMatch(/\bat \S+ \(|node_modules|SQLITE_|drizzle|MongoServerError/i)
  })
})

describe('global versions (issue 16)', () => {
  it.each(config.globals.map((global) => global.slug))('GET /api/globals/%s/versions as staff says the global keeps no versions, with a 400', async (slug) => {
    for (const role of ['editor', 'marketer', 'admin'] as const) {
      const response = await rest(role, 'GET', `/api/globals/${slug}/versions`)
      expect(response.status, `${role}: ${response.text.slice(0, 300)}`).toBe(400)
      expect(response.body?.errors?.[0]?.data?.errors?.[0]?.message ?? response.text).toContain(`${slug} keeps no versions.`)
    }
  })

  it('prints how many endpoint × role cases were checked', () => {
    console.log(`every endpoint: ${checked} cases (${cases.length} endpoints × ${roles.length} roles)`)
    recordCases(`every endpoint × role (${testDatabase})`, checked, 'collections, globals, versions, auth and custom endpoints × anonymous, editor, marketer, admin, booking')
    expect(cases.length).toBeGreaterThan(150)
    expect(checked).toBe(cases.length * roles.length)
  })
})
