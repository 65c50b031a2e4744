// Plain JavaScript so the benchmark (run by node directly) can use it as well as the vitest suites.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * Records how many table-generated cases a suite checked (roles × collections × operations,
 * fields × operators …), for scripts/test-summary.mjs to print beside the test counts.
 *
 * @param {string} suite
 * @param {number} cases
 * @param {string} [note]
 */
export function recordCases(suite, cases, note = '') {
  const dir = path.join(repoDir, '.test-results', 'cases')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, `${suite.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '')}.json`), JSON.stringify({ suite, cases, note }))
}

/** A free TCP port on loopback, chosen by the OS. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Debian's Chromium (CI installs it with apt-get); CHROMIUM_PATH or CHROME_PATH point elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium'

/**
 * The flags every browser run uses: headless, no sandbox (CI runs as root), and none of Chromium's
 * own network traffic (this machine reaches no outside host, and each refused call costs time).
 */
export const chromiumArgs = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
])

/**
 * An SMTP server on a free loopback port that keeps every message it receives, parsed: the real
 * protocol, so tests see what a mail server would. Stop it when done.
 */
export async function startSmtpServer() {
  const { SMTPServer } = await import('smtp-server')
  const { simpleParser } = await import('mailparser')
  /** @type {import('./index.d.ts').ReceivedEmail[]} */
  const messages = []
  /** @type {Set<() => boolean>} */
  const waiters = new Set()
  /** @type {{ match: (address: string) => boolean; left: number; reply: string }[]} */
  const refusals = []
  /** How often each `@bounce.test` address was refused (each is refused once, then accepted). */
  /** @type {Map<string, number>} */
  const bounced = new Map()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase()
      const refuse = (/** @type {string} */ reply) => {
        const error = /** @type {Error & { responseCode?: number }} */ (new Error(reply))
        error.responseCode = 550
        callback(error)
      }
      if (to.endsWith('@bounce.test') && !bounced.has(to)) {
        bounced.set(to, 1)
        return refuse('mailbox unavailable')
      }
      const rule = refusals.find((candidate) => candidate.left > 0 && candidate.match(to))
      if (rule) {
        rule.left -= 1
        return refuse(rule.reply)
      }
      callback()
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const message = {
            from: parsed.from?.text ?? '',
            to: [parsed.to].flat().filter(Boolean).map((address) => address?.text ?? '').join(', '),
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          }
          messages.push(message)
          for (const waiter of waiters) waiter()
          callback()
        })
        .catch(callback)
    },
  })
  const port = await freePort()
  await new Promise((/** @type {(value?: unknown) => void} */ resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  return {
    host: '127.0.0.1',
    port,
    messages,
    /** The environment that points the CMS at this server. */
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false' },
    /**
     * Refuses the next `times` recipients that match with "550 <reply>" (the server answers RCPT TO
     * with a permanent error, as a real one does for an unknown mailbox). `clear()` ends every rule.
     * @param {(address: string) => boolean} match
     */
    refuse(match, { times = Number.POSITIVE_INFINITY, reply = 'mailbox unavailable' } = {}) {
      refusals.push({ match, left: times, reply })
    },
    clearRefusals() {
      refusals.length = 0
    },
    /** Waits until a received message matches, or fails after `timeout` ms naming what it waited for. */
    /** @param {(message: import('./index.d.ts').ReceivedEmail) => boolean} predicate */
    waitForMessage(predicate, { timeout = 15_000, description = 'a matching email' } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate)
          if (!found) return false
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
          return true
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`No email arrived within ${timeout} ms: waited for ${description}. Received: ${JSON.stringify(messages.map((m) => ({ to: m.to, subject: m.subject })))}`))
        }, timeout)
        waiters.add(check)
        check()
      })
    },
    stop: () => new Promise((/** @type {(value?: unknown) => void} */ resolve) => server.close(() => resolve())),
  }
}
export { startWatchdog, watchTests } from './watchdog.js'

/**
 * Starts Debian's redis-server on a free loopback port, in memory only; `stop()` ends it by its PID.
 *
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startRedisServer(redisServer = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server') {
  const { spawn } = await import('node:child_process')
  const { existsSync } = await import('node:fs')
  if (!existsSync(redisServer)) {
    throw new Error(`redis-server is not installed (${redisServer}). On Debian: apt-get install redis-server (CI does this in .ci/run).`)
  }
  const port = await freePort()
  const child = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(child.pid, 'SIGTERM')
      await exited
    }
  }
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000)
      const listen = (/** @type {Buffer} */ chunk) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer)
          resolve(undefined)
        }
      }
      child.stdout?.on('data', listen)
      child.stderr?.on('data', listen)
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`redis-server exited with ${code}:\n${output}`))
      })
    })
  } catch (error) {
    await stop()
    throw error
  }
  return { url: `redis://127.0.0.1:${port}`, stop }
}
