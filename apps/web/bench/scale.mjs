// The benchmark's "REST reads at scale" step on its own, in about a minute: a fresh seeded SQLite
// database in a temporary folder, the CMS's production build on a free port, then the site's list and
// page reads at 100 and at 10,000 archive articles (lib/scale.mjs, the same code `pnpm bench` runs).
// Needs only the CMS build (`pnpm --filter @clinic/cms build`).
//
//   pnpm --filter @clinic/web bench:scale [--runs=30]
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, run, start, stopAll, waitUntilUp } from './lib/processes.mjs'
import { printScale, restAtScale } from './lib/scale.mjs'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cms')
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 30)
const workDir = mkdtempSync(path.join(tmpdir(), 'clinic-bench-scale-'))
const log = (message) => console.log(`[bench:scale] ${message}`)

async function cleanUp() {
  await stopAll()
  rmSync(workDir, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanUp().finally(() => process.exit(130)))

async function main() {
  if (!existsSync(path.join(cmsDir, '.next', 'BUILD_ID'))) {
    throw new Error('The CMS has no production build: run `pnpm --filter @clinic/cms build` first.')
  }
  const cmsUrl = `http://127.0.0.1:${await freePort()}`
  const cmsEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URI: `file:${path.join(workDir, 'clinic.db')}`,
    MEDIA_DIR: path.join(workDir, 'media'),
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    SEED_ON_START: 'false',
    CMS_URL: cmsUrl,
    // No site runs beside it: nothing to revalidate.
    SITE_REVALIDATE_SECRET: '',
  }
  log(`seeding a fresh SQLite database in ${workDir}`)
  await run('seed', 'pnpm', ['seed'], { cwd: cmsDir, env: cmsEnv })
  log(`starting the CMS (production build) at ${cmsUrl}`)
  const nextBin = path.join(cmsDir, 'node_modules', 'next', 'dist', 'bin', 'next')
  const cms = start('CMS', process.execPath, [nextBin, 'start', '--port', new URL(cmsUrl).port, '--hostname', '127.0.0.1'], { cwd: cmsDir, env: cmsEnv })
  await waitUntilUp(cms, `${cmsUrl}/api/users/me`)
  const rows = await restAtScale({ cmsUrl, cmsDir, cmsEnv, runs })
  console.log('')
  printScale(rows, runs)
}

main()
  .catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(cleanUp)
