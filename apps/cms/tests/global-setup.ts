import type { TestProject } from 'vitest/node'
import { freshDatabaseUri, testDatabase } from './helpers/database'
import { startProductionCms, type RunningServer } from './helpers/server'
import { staffAccounts, type StaffRole } from './helpers/staff'

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
    tokens: Record<StaffRole, string>
  }
}

let server: RunningServer | undefined

async function api(url: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers)
  headers.set('content-type', 'application/json')
  if (init.token) headers.set('authorization', `JWT ${init.token}`)
  const response = await fetch(url, { ...init, headers })
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status}: ${JSON.stringify(body)}`)
  return body
}

/**
 * Starts one production CMS server for the suite's REST tests, on a fresh database, and makes
 * an admin, an editor and a marketer account on it the way staff would: the first account
 * through the first-user screen's endpoint, the others by that admin.
 */
export default async function setup(project: TestProject) {
  console.log(`\nIntegration suite database: ${testDatabase}`)
  server = await startProductionCms({ databaseUri: freshDatabaseUri('server') })
  const { url } = server
  const admin = staffAccounts.admin
  await api(`${url}/api/users/first-register`, {
    method: 'POST',
    body: JSON.stringify({ email: admin.email, password: admin.password, name: 'Test Admin' }),
  })
  const login = async (email: string, password: string) =>
    String((await api(`${url}/api/users/login`, { method: 'POST', body: JSON.stringify({ email, password }) })).token)
  const adminToken = await login(admin.email, admin.password)
  for (const role of ['editor', 'marketer'] as const) {
    const account = staffAccounts[role]
    await api(`${url}/api/users`, {
      method: 'POST',
      token: adminToken,
      body: JSON.stringify({ email: account.email, password: account.password, name: `Test ${role}`, role }),
    })
  }
  project.provide('cmsUrl', url)
  project.provide('tokens', {
    admin: adminToken,
    editor: await login(staffAccounts.editor.email, staffAccounts.editor.password),
    marketer: await login(staffAccounts.marketer.email, staffAccounts.marketer.password),
  })
  return async () => {
    await server?.stop()
  }
}
