import type { Payload } from 'payload'

/**
 * SIGTERM and Payload's job runner. `next start` already stops taking connections on SIGTERM and
 * finishes the requests in flight, then exits; a scheduled job (publishing, reminders) running at
 * that moment would be cut off half-way. From the signal on, the runner takes no new jobs
 * (`jobs.shouldAutoRun`), and the exit waits, up to 25 s, for the job that is running to finish.
 */
let shuttingDown = false
let installed = false
const jobGraceMs = 25_000

export const acceptingNewJobs = (): boolean => !shuttingDown

export function installGracefulJobShutdown(payload: Payload): void {
  if (installed) return
  installed = true
  process.once('SIGTERM', () => {
    shuttingDown = true
    const busy = () => payload.crons.some((cron) => (cron as { isBusy?: () => boolean }).isBusy?.() === true)
    const exit = process.exit.bind(process)
    process.exit = ((code?: number) => {
      if (!busy()) return exit(code)
      payload.logger.info('Stopping: waiting for the running job to finish (no new jobs are taken).')
      const deadline = Date.now() + jobGraceMs
      const wait = () => (busy() && Date.now() < deadline ? setTimeout(wait, 100) : exit(code))
      wait()
      return undefined as never
    }) as typeof process.exit
  })
}
