// Plain JavaScript so the benchmark (run by node directly) can use it as well as the vitest suites.
import { createServer } from 'node:net'

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
