import { ValidationError, type CollectionAfterLoginHook, type CollectionAfterOperationHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { clearAttempts, countAttempt, normaliseEmail, refundAttempt, requestSource, withinLimit } from '@/lib/rate-limit'
import { forgotPasswordMinimumMs } from '@/lib/rate-limit/limits'
import { burnPasswordHash } from '../password-hash'
import { passwordProblem } from '../password-policy'
import { sendResetEmail } from '../reset-email'

type GuardContext = {
  loginThrottle?: { source: string; account: string }
  forgotPassword?: { startedAt: number; email: string }
}

const guardContext = (req: PayloadRequest) => req.context as GuardContext

/** Requests from scripts and the server itself (the Local API) are not throttled. */
const overHttp = (req: PayloadRequest) => req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL'

const waitUntil = (time: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())))

async function accountExists(req: PayloadRequest, email: string): Promise<boolean> {
  const user = await req.payload.db.findOne({ collection: 'users', req, where: { email: { equals: email } } })
  return Boolean(user)
}

/**
 * Throttling, equal answers and the password policy for Payload's account operations, on REST and
 * GraphQL alike (both call the same operations).
 */
export const guardAccountOperations: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation === 'login') {
    const email = normaliseEmail(args.data?.email)
    const password: unknown = args.data?.password
    // Without both, Payload answers with a validation error before looking anything up.
    if (!overHttp(req) || !email || typeof password !== 'string' || !password.trim()) return args
    const source = requestSource(req)
    guardContext(req).loginThrottle = { source, account: `${source} ${email}` }
    await countAttempt(req, [
      ['loginFailuresBySource', source],
      ['loginFailuresBySourceAndAccount', `${source} ${email}`],
    ])
    // Payload hashes the password only when the account exists: hash it here otherwise.
    if (!(await accountExists(req, email))) await burnPasswordHash(password)
    return args
  }

  if (operation === 'forgotPassword') {
    if (!overHttp(req)) return args
    const startedAt = Date.now()
    const email = normaliseEmail(args.data?.email)
    const source = requestSource(req)
    await countAttempt(req, [
      ['resetEmailsBySource', source],
      ['resetEmailsBySourceAndAccount', `${source} ${email}`],
    ])
    guardContext(req).forgotPassword = { startedAt, email }
    // Sent by `finishAccountOperations` once the token is stored, without holding the response.
    args.disableEmail = true
    if (!(await accountExists(req, email))) await waitUntil(startedAt + forgotPasswordMinimumMs)
    return args
  }

  if (operation === 'resetPassword') {
    if (overHttp(req)) await countAttempt(req, [['passwordResetsBySource', requestSource(req)]])
    const password: unknown = args.data?.password
    const token: unknown = args.data?.token
    if (typeof password !== 'string' || typeof token !== 'string') return args
    const user = await req.payload.db.findOne<{ id: number | string; email?: string }>({ collection: 'users', req, where: { resetPasswordToken: { equals: token } } })
    const problem = passwordProblem(password, user?.email)
    if (problem) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: problem }] })
    return args
  }

  if (operation === 'create' && overHttp(req) && req.pathname?.endsWith('/first-register')) {
    await countAttempt(req, [['firstRegisterBySource', requestSource(req)]])
  }
  return args
}

/**
 * Sends the reset email after the token is stored, without holding the response (a slow mail
 * server must not show in the timing), and pads the answer to the same minimum time.
 */
export const finishAccountOperations: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  const pending = guardContext(req).forgotPassword
  if (operation !== 'forgotPassword' || !pending) return result
  const token = result as unknown
  if (typeof token === 'string' && token) {
    const { payload } = req
    void (async () => {
      // Whoever asks, one mailbox gets at most a few reset emails an hour.
      if (!(await withinLimit('resetEmailsSentToAccount', pending.email))) {
        payload.logger.warn(`Password reset email to ${pending.email} not sent: too many asked for within the hour.`)
        return
      }
      await sendResetEmail(payload, pending.email, token)
    })().catch((error: unknown) => payload.logger.error({ err: error, msg: `Could not send the password reset email to ${pending.email}` }))
  }
  await waitUntil(pending.startedAt + forgotPasswordMinimumMs)
  return result
}

/** A login that succeeded was not a guess: take it back from the source's count, end the account's run. */
export const forgiveSuccessfulLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const throttle = guardContext(req).loginThrottle
  if (throttle) {
    await refundAttempt('loginFailuresBySource', throttle.source)
    await clearAttempts('loginFailuresBySourceAndAccount', throttle.account)
  }
  return user
}
