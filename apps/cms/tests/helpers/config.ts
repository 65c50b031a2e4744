import type { SanitizedConfig } from 'payload'

/**
 * The CMS's own Payload config, built without connecting to a database: tests that derive their
 * cases from the content model (fields, their types, options) read it from here.
 */
export async function loadConfig(): Promise<SanitizedConfig> {
  process.env.PAYLOAD_SECRET ??= 'test-secret-that-is-long-enough-for-payload-000'
  process.env.SEED_ON_START = 'false'
  process.env.SITE_REVALIDATE_SECRET = ''
  const { default: config } = await import('@payload-config')
  return config
}
