// Temporary smoke check (not committed): the admin works under the CMS's CSP.
import { chromium } from 'playwright-core'
import { chromiumPath, chromiumArgs } from '@clinic/test-support'
const cms = process.argv[2]
const [email, password] = [process.argv[3], process.argv[4]]
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] })
const page = await browser.newPage()
const problems = []
page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy|Refused/.test(m.text())) problems.push(m.text()) })
page.on('pageerror', (e) => problems.push('pageerror: ' + e.message))
page.setDefaultTimeout(90000)
await page.goto(`${cms}/admin/login`)
await page.fill('input[name="email"]', email)
await page.fill('input[name="password"]', password)
await page.click('button[type="submit"]')
await page.waitForURL(/\/admin\/?$/)
console.log('logged in')
await page.goto(`${cms}/admin/collections/articles/create`)
await page.waitForSelector('input[name="title"]', { timeout: 90000 })
await page.fill('input[name="title"]', 'CSP smoke article')
await page.waitForTimeout(4000)
await page.goto(`${cms}/admin/collections/media/create`)
await page.waitForSelector('input[type="file"]', { state: 'attached' })
await page.goto(`${cms}/admin/collections/articles`)
await page.waitForTimeout(3000)
console.log('problems:', JSON.stringify(problems, null, 1))
await browser.close()
