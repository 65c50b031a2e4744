import { chromium } from 'playwright-core'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const p = await b.newPage()
const errors = []
p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()) })
p.on('pageerror', (e) => errors.push('pageerror ' + e.message))
const t0 = Date.now()
await p.goto('http://127.0.0.1:3990/exercises/seated-sciatic-nerve-floss', { waitUntil: 'load' })
const tLoad = Date.now() - t0
await p.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++ } })
await p.waitForFunction(() => { document.querySelector('.print-button').click(); return window.__printed > 0 }, null, { timeout: 10000, polling: 20 })
console.log('print works', Date.now() - t0, 'ms after navigation; load at', tLoad)
console.log('errors', errors)
await b.close()
