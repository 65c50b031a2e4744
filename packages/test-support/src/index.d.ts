/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number>
/** Debian's Chromium (CI installs it with apt-get); CHROMIUM_PATH or CHROME_PATH point elsewhere. */
export const chromiumPath: string
/** The flags every browser run uses: headless, no sandbox, no background network traffic. */
export const chromiumArgs: readonly string[]

/** One email as the test SMTP server received and parsed it. */
export interface ReceivedEmail {
  from: string
  to: string
  envelopeTo: string[]
  subject: string
  text: string
  html: string
}

export interface TestSmtpServer {
  host: string
  port: number
  messages: ReceivedEmail[]
  /** The environment that points the CMS at this server (SMTP_HOST, SMTP_PORT, SMTP_SECURE). */
  env: Record<string, string>
  /**
   * Refuses the next `times` (default: all) recipients that match with "550 <reply>" (default
   * "mailbox unavailable"). Independently, every `@bounce.test` address is refused once, then accepted.
   */
  refuse(match: (address: string) => boolean, options?: { times?: number; reply?: string }): void
  /** Ends every `refuse` rule. */
  clearRefusals(): void
  /** Waits until a received message matches, or fails after `timeout` ms naming what it waited for. */
  waitForMessage(predicate: (message: ReceivedEmail) => boolean, options?: { timeout?: number; description?: string }): Promise<ReceivedEmail>
  stop(): Promise<void>
}

/** An SMTP server on a free loopback port that keeps every message it receives, parsed; it can refuse recipients (`refuse`, `@bounce.test`). */
export function startSmtpServer(): Promise<TestSmtpServer>

/**
 * Records how many table-generated cases a suite checked, for scripts/test-summary.mjs to print
 * beside the test counts (written to .test-results/cases/<suite>.json).
 */
export function recordCases(suite: string, cases: number, note?: string): void

/**
 * Starts (once per test process) a watchdog thread that kills the process, naming the test, when
 * the test or hook phase marked last runs past its budget, even with its event loop blocked.
 */
export function startWatchdog(): { mark: (label?: string, budgetMs?: number) => void }

type VitestHook = (fn: (...args: any[]) => unknown) => unknown
/**
 * Watches every test of a vitest file (call it from a setup file with vitest's hooks): a test that
 * runs past `testMs` (hooks: `hookMs`) plus `graceMs` is named on stderr and its process killed.
 */
export function watchTests(
  hooks: { beforeAll: VitestHook; beforeEach: VitestHook; afterEach: VitestHook; afterAll: VitestHook },
  budgets: { testMs: number; hookMs: number; graceMs?: number },
): void

/** Starts Debian's redis-server on a free loopback port, in memory only; `stop()` ends it by its PID. */
export function startRedisServer(redisServer?: string): Promise<{ url: string; stop: () => Promise<void> }>
