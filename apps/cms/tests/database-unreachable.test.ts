// A signed-in editor whose database cannot be reached is told that, not "You are not allowed"
// (hooks/database-faults.ts databaseUnreachable, asked by the request guard). Payload's sign-in strategies swallow the failed
// account look-up, so the request used to run as anonymous and answer 403 as if the editor's role
// had changed. On MongoDB the fault is real: the CMS reaches the database through a TCP relay of
// this test, which is then cut (every connection closed, new ones refused). On both databases: a
// real refusal (a signed-out session's token) stays a refusal.
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { post } from './helpers/accounts'
import { freshDatabaseUri, testDatabase } from './helpers/database'
import { startProductionCms, type RunningServer } from './helpers/server'

const owner = { email: 'owner@unreachable.example', password: 'the owner’s long passphrase', name: 'Owner' }

interface Relay {
  port: number
  cut: () => Promise<void>
  close: () => Promise<void>
}

/** A TCP relay to `target` (host:port) on a free loopback port; `cut` closes every connection and refuses new ones. */
async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const sockets = new Set<net.Socket>()
  let open = true
  const server = net.createServer((client) => {
    if (!open) return client.destroy()
    const upstream = net.connect(target.port, target.host)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => socket.destroy())
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  const cut = async () => {
    open = false
    for (const socket of sockets) socket.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return { port, cut, close: () => (open ? cut() : Promise.resolve()) }
}

let cms: RunningServer | undefined
let relay: Relay | undefined

async function get(path: string, token: string) {
  const response = await fetch(`${cms!.url}${path}`, { headers: { authorization: `JWT ${token}` } })
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() }
}

async function signIn(): Promise<string> {
  const answer = await post(cms!.url, '/api/users/login', { email: owner.email, password: owner.password })
  expect(answer.status, answer.text).toBe(200)
  return answer.body.token as string
}

beforeAll(async () => {
  let databaseUri = freshDatabaseUri('unreachable')
  if (testDatabase === 'mongodb') {
    const url = new URL(databaseUri)
    relay = await startRelay({ host: url.hostname, port: Number(url.port || 27017) })
    url.host = `127.0.0.1:${relay.port}`
    // Fail over in 3 s instead of the driver's 30 (an operator can set the same in DATABASE_URI).
    url.searchParams.set('serverSelectionTimeoutMS', '3000')
    databaseUri = url.toString()
  }
  cms = await startProductionCms({ databaseUri })
  const registered = await post(cms.url, '/api/users/first-register', owner)
  expect(registered.status, registered.text).toBe(200)
}, 240_000)

afterAll(async () => {
  await cms?.stop()
  await relay?.close()
})

describe(`a signed-in request refused while the database answers (${testDatabase})`, () => {
  it('a signed-out session’s token is still refused (401/403), not blamed on the database', async () => {
    const token = await signIn()
    expect((await get('/api/users', token)).status).toBe(200)
    const out = await fetch(`${cms!.url}/api/users/logout`, { method: 'POST', headers: { authorization: `JWT ${token}` } })
    expect(out.status).toBe(200)
    const after = await get('/api/users', token)
    expect([401, 403]).toContain(after.status)
    expect(after.text).not.toMatch(/database/i)
  })
})

if (testDatabase === 'mongodb') {
  describe('the MongoDB server cannot be reached (the connection cut under a signed-in editor)', () => {
    it('reads and saves answer 503 with Retry-After and say the database cannot be reached, never "not allowed"', async () => {
      const token = await signIn()
      expect((await get('/api/users', token)).status).toBe(200)
      await relay!.cut()
      const read = await get('/api/users', token)
      expect(read.status, read.text).toBe(503)
      expect(read.retryAfter).toMatch(/^\d+$/)
      expect(read.text).toMatch(/database server cannot be reached/)
      expect(read.text).not.toMatch(/not allowed/i)
      const save = await fetch(`${cms!.url}/api/pages`, {
        method: 'POST',
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Opening hours', slug: 'opening-hours' }),
      })
      const saved = await save.text()
      expect(save.status, saved).toBe(503)
      expect(saved).toMatch(/The change was not saved: the database server cannot be reached/)
    }, 120_000)
  })
}
