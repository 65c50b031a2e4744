// Lighthouse 12 (its default mobile preset: a mid-range phone on slow 4G, simulated) against
// Debian's Chromium, started here and stopped by its PID.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import lighthouse from 'lighthouse'
import { chromiumArgs } from '@clinic/test-support'
import { freePort, start } from './processes.mjs'

export const categories = ['performance', 'accessibility', 'best-practices', 'seo']


/** Starts Chromium with a remote-debugging port; returns { port, stop }. */
export async function startChromium(chromePath = process.env.CHROME_PATH || '/usr/bin/chromium') {
  const port = await freePort()
  const profile = mkdtempSync(path.join(tmpdir(), 'clinic-bench-chromium-'))
  const handle = start('Chromium', chromePath, [...chromiumArgs, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], {
    env: process.env,
  })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline && !handle.done) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`)
      if (response.ok) {
        return {
          port,
          stop: async () => {
            await handle.stop()
            rmSync(profile, { recursive: true, force: true })
          },
        }
      }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await handle.stop()
  throw new Error(`Chromium did not start. Its output:\n${handle.output().slice(-3000)}`)
}

/** One Lighthouse run: the four category scores (0–100), LCP and the audits that lost points. */
export async function audit(url, port) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: categories,
    disableFullPageScreenshot: true,
  })
  const lhr = result?.lhr
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`)
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  const scores = Object.fromEntries(categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]))
  const flagged = []
  for (const id of categories) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const auditResult = lhr.audits[ref.id]
      if (!auditResult || ref.weight === 0) continue
      if (auditResult.scoreDisplayMode === 'binary' || auditResult.scoreDisplayMode === 'numeric' || auditResult.scoreDisplayMode === 'metricSavings') {
        if (auditResult.score !== null && auditResult.score < 1) {
          const items = (auditResult.details?.items ?? [])
            .slice(0, 2)
            .map((item) => item.description ?? item.url ?? item.node?.snippet ?? item.source?.url)
            .filter(Boolean)
            .map((text) => String(text).slice(0, 160))
          flagged.push(`${id}/${ref.id} (${auditResult.displayValue || auditResult.score}${items.length ? `: ${items.join(' | ')}` : ''})`)
        }
      }
    }
  }
  return {
    scores,
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    fcpMs: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? NaN),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
    flagged,
  }
}

/** `runs` audits of `url`; keeps the median one by performance score (Lighthouse varies run to run). */
export async function auditMedian(url, port, runs) {
  const results = []
  for (let i = 0; i < runs; i += 1) results.push(await audit(url, port))
  results.sort((a, b) => a.scores.performance - b.scores.performance || b.lcpMs - a.lcpMs)
  const median = results[Math.floor((results.length - 1) / 2)]
  return { ...median, performanceRange: [results[0].scores.performance, results.at(-1).scores.performance] }
}
