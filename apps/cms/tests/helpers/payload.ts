import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { freshDatabaseUri } from './database'

/**
 * Boots Payload through its Local API on a throwaway database. Each test file gets its own
 * database; the CMS applies its migrations on start, as it does everywhere.
 */
export async function bootPayload(name: string, site?: { url: string; revalidateSecret: string }): Promise<Payload> {
  process.env.DATABASE_URI = freshDatabaseUri(name)
  process.env.PAYLOAD_SECRET ??= 'test-secret-that-is-long-enough-for-payload-000'
  process.env.SEED_ON_START = 'false'
  // No site runs beside most of these tests: nothing to revalidate, unless a test names its receiver.
  process.env.SITE_REVALIDATE_SECRET = site?.revalidateSecret ?? ''
  if (site) process.env.SITE_URL = site.url
  process.env.MEDIA_DIR = mkdtempSync(path.join(tmpdir(), `clinic-media-${name}-`))
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  return getPayload({ config })
}

/** Closes the database connection so the worker can exit. */
export async function shutdownPayload(payload: Payload | undefined): Promise<void> {
  if (!payload) return
  await payload.destroy().catch(() => undefined)
}
