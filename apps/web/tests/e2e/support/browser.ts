import { existsSync } from 'node:fs'
import { chromiumArgs, chromiumPath } from '@clinic/test-support'
import { chromium, type Browser, type Page } from 'playwright-core'

export { chromiumArgs, chromiumPath }

export function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}. Install Debian's package (apt-get install chromium; .ci/run does this) ` +
        'or set CHROMIUM_PATH to a Chromium binary.',
    )
  }
}

export async function launchBrowser(): Promise<Browser> {
  assertChromium()
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs], timeout: 120_000 })
}

/** A phone-sized viewport (visitors read the sciatica hub on their phones). */
export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
export const desktop = { viewport: { width: 1280, height: 900 } }

/**
 * Collects everything the browser reports as an error on `page`: console.error messages (this
 * includes failed resource loads, e.g. an image that 404s) and uncaught exceptions.
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location()?.url
      errors.push(`${message.text()}${where ? ` (${where})` : ''}`)
    }
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  return errors
}

/**
 * Scrolls to the bottom (so lazy images load) and waits until the network has been quiet, so
 * errors from late resources are seen.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y)
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
    }
    window.scrollTo(0, document.body.scrollHeight)
  })
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {
    // a page that keeps a connection open is not an error by itself
  })
}

/**
 * Waits until the framework's scripts have run and hydrated the page. Cached pages ask for them only
 * after they have loaded and painted (src/lib/html/defer-app-scripts.mjs).
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { router?: unknown } }).next?.router), undefined, { timeout: 30_000 })
}

/** The trimmed text of the page's only <h1>. */
export async function h1Text(page: Page): Promise<string> {
  const h1 = page.locator('h1')
  // A page whose content streams in (a 404 rendered after the shell) gets its heading a moment later.
  await h1.first().waitFor({ state: 'attached', timeout: 15_000 }).catch(() => undefined)
  const count = await h1.count()
  if (count !== 1) throw new Error(`${page.url()} has ${count} <h1> elements, expected exactly one`)
  return (await h1.innerText()).trim()
}
