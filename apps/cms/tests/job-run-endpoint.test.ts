import { describe, expect, it } from 'vitest'
import { rest, type Caller } from './helpers/rest'

/**
 * Payload's job runner endpoint (`GET /api/payload-jobs/run`) runs every queued job, scheduled
 * publishing included, as the system: only an admin may trigger it. Missing, wrong and right
 * credentials, over HTTP against the production server.
 */

const run = '/api/payload-jobs/run?limit=1'

describe('the job-run endpoint', () => {
  it('refuses a caller with no credential', async () => {
    const response = await rest('anonymous', 'GET', run)
    expect(response.status, `anonymous GET ${run} must be refused: ${response.text}`).toBe(401)
  })

  it('refuses a forged or expired-looking token', async () => {
    const response = await rest('anonymous', 'GET', run, undefined, { authorization: 'JWT not-a-real-token' })
    expect(response.status, `a made-up token must be refused: ${response.text}`).toBe(401)
  })

  it.each<Caller>(['editor', 'marketer'])('refuses a logged-in %s (staff, but not an admin)', async (caller) => {
    const response = await rest(caller, 'GET', run)
    expect(response.status, `${caller} GET ${run} must be refused, only admins run jobs: ${response.text}`).toBe(401)
  })

  it('runs for an admin', async () => {
    const response = await rest('admin', 'GET', run)
    expect(response.status, response.text).toBe(200)
    expect(response.body).toHaveProperty('noJobsRemaining')
  })
})
