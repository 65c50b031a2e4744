import { readdir, unlink } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionBeforeOperationHook } from 'payload'
import { env } from '@/env'
import { onRollback } from '@/lib/after-commit'

/**
 * Payload writes an upload's file and its resized copies before the database row; when that row
 * (or the file itself, on a full disk) fails, the files stayed in MEDIA_DIR, empty or orphaned.
 * Here the upload folder's names are noted when the write begins (inside its transaction), and if
 * the transaction is rolled back the files that appeared since, for this upload's name, are removed.
 */
export const removeFilesOfFailedWrites: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const file = req.file
  if ((operation !== 'create' && operation !== 'update') || !file?.name || env.s3) return args
  const dir = env.mediaDir
  const before = new Set(await readdir(dir).catch(() => [] as string[]))
  const stem = path.parse(file.name).name.toLowerCase().replace(/[^a-z0-9]+/g, '')
  await onRollback(req, async () => {
    const now = await readdir(dir).catch(() => [] as string[])
    for (const name of now) {
      if (before.has(name)) continue
      if (stem && !path.parse(name).name.toLowerCase().replace(/[^a-z0-9]+/g, '').startsWith(stem)) continue
      await unlink(path.join(dir, name)).catch(() => undefined)
    }
  })
  return args
}
