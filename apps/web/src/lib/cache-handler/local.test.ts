import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import LocalCacheHandler from './local.mjs'

const require = createRequire(import.meta.url)
const { nodeFs } = require('next/dist/server/lib/node-fs-methods.js') as { nodeFs: object }

const dir = mkdtempSync(path.join(tmpdir(), 'clinic-local-cache-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Every file under a folder, relative to it. */
const files = (folder: string): string[] => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))

test('rendered pages and CMS reads stay in memory, even though next.config.mjs turns isrFlushToDisk on (for the image cache)', async () => {
  // What Next.js hands the handler with `experimental.isrFlushToDisk: true`.
  const handler = new LocalCacheHandler({ fs: nodeFs, dev: false, flushToDisk: true, serverDistDir: dir, maxMemoryCacheSize: 4 * 1024 * 1024, revalidatedTags: [] })
  const page = { kind: 'APP_PAGE', html: '<html><body><h1>Made up</h1></body></html>', rscData: Buffer.from('rsc'), headers: {}, status: 200, postponed: undefined, segmentData: undefined }
  const context = { cacheControl: { revalidate: false, expire: undefined }, isRoutePPREnabled: false, isFallback: false }
  for (let i = 0; i < 20; i += 1) await handler.set(`/articles/made-up-${i}`, page, context)
  await handler.set('cms-read', { kind: 'FETCH', data: { headers: {}, body: 'e30=', status: 200, url: 'http://cms.test/api/articles' }, revalidate: 60, tags: [] }, { fetchCache: true, tags: [] })
  expect(files(dir)).toEqual([])
  // …and are served from memory.
  const stored = await handler.get('/articles/made-up-3', { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false })
  expect((stored?.value as { html?: string } | undefined)?.html).toContain('Made up')
})
