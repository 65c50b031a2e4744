import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** What the browser reports about the element that has focus. */
export interface Focused {
  tag: string
  /** Accessible-ish name: aria-label, else a form field's label, else the visible text, whitespace collapsed. */
  name: string
  href: string | null
  id: string
  /** Index among the page's focusable elements in document order (-1 when not one of them). */
  order: number
  /** A visible focus indicator: an outline at least 2px wide, or a box shadow. */
  ring: boolean
  ringDescription: string
  /** On screen (the browser scrolls focus into view). */
  onScreen: boolean
}

/** Reads the focused element and its focus indicator, as computed by the browser. */
export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = (document.activeElement ?? document.body) as HTMLElement
    const style = getComputedStyle(el)
    const rect = el.getBoundingClientRect()
    const focusables = [
      ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'),
    ]
    const outlineWidth = Number.parseFloat(style.outlineWidth) || 0
    const outline = style.outlineStyle !== 'none' && outlineWidth >= 2
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== ''
    return {
      tag: el.tagName.toLowerCase(),
      name: (
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.innerText ??
        el.innerText ??
        el.textContent ??
        ''
      )
        .replace(/\s+/g, ' ')
        .trim(),
      href: el.getAttribute('href'),
      id: el.id,
      order: focusables.indexOf(el),
      ring: outline || shadow,
      ringDescription: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
      onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight,
    }
  })
}

/** Fails when anything on the page sets a positive tabindex, which would break the reading order. */
export async function expectNoPositiveTabindex(page: Page): Promise<void> {
  const positive = await page.$$eval('[tabindex]', (els) =>
    els.filter((el) => Number(el.getAttribute('tabindex')) > 0).map((el) => el.outerHTML.slice(0, 80)),
  )
  expect(positive, 'elements with a positive tabindex').toEqual([])
}

/** Asserts the focused element shows a focus ring and is on screen. */
export function expectVisibleFocus(state: Focused, step: string): void {
  expect(state.ring, `${step}: <${state.tag}> "${state.name}" has no visible focus indicator (${state.ringDescription})`).toBe(true)
  expect(state.onScreen, `${step}: <${state.tag}> "${state.name}" is focused but off screen`).toBe(true)
}

/**
 * Presses Tab until the focused element matches, checking at every stop that the focus is visible
 * and that it moves forward through the page in document order. Returns the element it stopped on.
 */
export async function tabTo(
  page: Page,
  matches: (state: Focused) => boolean,
  description: string,
  maxPresses = 60,
): Promise<Focused> {
  let previous = -1
  for (let press = 1; press <= maxPresses; press += 1) {
    await page.keyboard.press('Tab')
    const state = await focused(page)
    expectVisibleFocus(state, `Tab ${press} on the way to ${description}`)
    if (state.order !== -1) {
      expect(state.order, `Tab ${press}: focus went backwards, to "${state.name}"`).toBeGreaterThan(previous)
      previous = state.order
    }
    if (matches(state)) return state
  }
  throw new Error(`${description} was not reached within ${maxPresses} presses of Tab`)
}

/** Tabs to the form field labelled `label` and types `text` into it, key by key. */
export async function tabToFieldAndType(page: Page, label: string | RegExp, text: string): Promise<Focused> {
  const field = await tabTo(
    page,
    (state) => ['input', 'textarea', 'select'].includes(state.tag) && (typeof label === 'string' ? state.name === label : label.test(state.name)),
    `the "${String(label)}" field`,
  )
  await page.keyboard.type(text)
  return field
}

/** Presses a key and waits for the navigation it starts to land on `path`. */
export async function pressAndNavigate(page: Page, key: string, path: string | RegExp): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => (typeof path === 'string' ? url.pathname === path : path.test(url.pathname)), { timeout: 60_000 }),
    page.keyboard.press(key),
  ])
  await page.locator('h1').first().waitFor()
}
