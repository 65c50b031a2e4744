import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'
import { env } from '@/env'

/**
 * Where uploads live: local disk (MEDIA_DIR) by default, S3-compatible storage when S3_BUCKET is
 * set. The plugin is always in the config (disabled without S3) so the schema and the admin's
 * import map are the same either way; files stay private to the bucket and are served through the
 * CMS's own /api/media/file/… (same URLs, same access rules, cacheable by the front cache).
 */
export function mediaStorage(): Plugin {
  return s3Storage({
    enabled: Boolean(env.s3),
    // The plugin's fields (`prefix`, `_objectKey`) are in the schema with S3 on or off, so one set of
    // migrations serves both and a site can move its uploads to S3 later without a schema change.
    alwaysInsertFields: true,
    collections: { media: true },
    bucket: env.s3?.bucket ?? 'unused',
    config: env.s3
      ? {
          region: env.s3.region,
          endpoint: env.s3.endpoint,
          forcePathStyle: env.s3.forcePathStyle,
          credentials: env.s3.credentials,
        }
      : {},
  })
}
