import { chromium } from 'playwright-core'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const p = await b.newPage()
const errors = []
p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()) })
p.on('pageerror', (e) => errors.push('pageerror ' + e.message))
await p.goto('http://127.0.0.1:3990/exercises/seated-sciatic-nerve-floss', { waitUntil: 'load' })
await p.waitForFunction(() => !!window.next?.router, null, { timeout: 10000 })
console.log('hydrated router', await p.evaluate(() => typeof window.next.router.push))
// client-side navigation: click a header link and check no full reload
await p.evaluate(() => { window.__marker = 1 })
await p.click('header a[href="/articles"]')
await p.waitForURL('**/articles')
console.log('soft nav kept window state:', await p.evaluate(() => window.__marker === 1))
console.log('scripts:', await p.evaluate(() => [...document.scripts].filter((s) => s.src).length))
console.log('errors', errors)
await b.close()
