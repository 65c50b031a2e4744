/**
 * `pnpm seed` (payload run src/seed/run.ts): fills the database named by DATABASE_URI with the demo
 * content. Safe to run again: anything already there is left alone.
 */
import config from '@payload-config'
import { getPayload } from 'payload'
import { seed } from './index'

const payload = await getPayload({ config })

try {
  const { created, skipped } = await seed(payload)
  const names = [...new Set([...Object.keys(created), ...Object.keys(skipped)])]
  const width = Math.max(...names.map((name) => name.length), 10)
  const lines = names.map(
    (name) =>
      `  ${name.padEnd(width)}  created ${String(created[name] ?? 0).padStart(3)}  skipped ${String(skipped[name] ?? 0).padStart(3)}`,
  )
  payload.logger.info(['seed summary:', ...lines].join('\n'))
} catch (error) {
  payload.logger.error({ err: error }, 'seed: failed')
  process.exit(1)
}

process.exit(0)
