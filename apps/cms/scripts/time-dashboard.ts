/**
 * Times the dashboard's data ("What needs you now", components/admin/NeedsYou/data.ts) for an
 * editor and a marketer on the database named by DATABASE_URI: p50 and max of N runs, in ms. It
 * prints figures and asserts nothing (a busy machine is slower). For the dashboard at scale:
 *
 *   DATABASE_URI=file:/tmp/x.db node scripts/run-ts.mjs src/seed/run.ts
 *   DATABASE_URI=file:/tmp/x.db node scripts/run-ts.mjs scripts/add-archive-articles.ts --count=10000
 *   DATABASE_URI=file:/tmp/x.db node scripts/run-ts.mjs scripts/time-dashboard.ts --runs=20
 *
 * It also times the "Medical reviews due" view's read (the count and the first 500 rows).
 */
import config from '@payload-config'
import { createLocalReq, getPayload, type TypedUser } from 'payload'
import { whatNeedsMe } from '@/components/admin/NeedsYou/data'
import { reviewsDue } from '@/lib/medical-review'

const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 20)
if (!Number.isInteger(runs) || runs < 1 || runs > 1000) {
  console.error('time-dashboard: --runs must be a whole number from 1 to 1,000.')
  process.exit(2)
}

const payload = await getPayload({ config })

async function staff(role: 'editor' | 'marketer'): Promise<TypedUser> {
  const { docs } = await payload.find({ collection: 'users', where: { role: { equals: role } }, limit: 1, depth: 0, overrideAccess: true })
  const user =
    docs[0] ??
    (await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: `time-dashboard-${role}@clinic.example`, password: 'Quiet-harbour-lantern-2026!', role, name: `Dashboard ${role}` } as never,
    }))
  return { ...user, collection: 'users' } as unknown as TypedUser
}

async function time(label: string, work: () => Promise<unknown>) {
  await work() // warm up
  const took: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now()
    await work()
    took.push(performance.now() - started)
  }
  took.sort((a, b) => a - b)
  const p50 = took[Math.floor(took.length / 2)] ?? 0
  console.log(`time-dashboard: ${label}: p50 ${p50.toFixed(1)} ms, max ${(took.at(-1) ?? 0).toFixed(1)} ms (${runs} runs)`)
}

try {
  const { totalDocs: articles } = await payload.count({ collection: 'articles', overrideAccess: true })
  console.log(`time-dashboard: ${articles} articles`)
  for (const role of ['editor', 'marketer'] as const) {
    const req = await createLocalReq({ user: await staff(role) }, payload)
    const sections = await whatNeedsMe(req, '/admin')
    console.log(`time-dashboard: ${role} sees ${sections.map((section) => `${section.key} ${section.count}`).join(', ')}`)
    await time(`whatNeedsMe as ${role}`, () => whatNeedsMe(req, '/admin'))
  }
  const req = await createLocalReq({ user: await staff('editor') }, payload)
  await time('the reviews-due view (count and first 500 rows)', () => reviewsDue(payload, req, new Date(), 500))
} catch (error) {
  payload.logger.error({ err: error }, 'time-dashboard: failed')
  process.exit(1)
}
process.exit(0)
