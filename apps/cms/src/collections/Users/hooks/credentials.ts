import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { countAttempt, normaliseEmail, requestSource } from '@/lib/rate-limit'
import { passwordMatches } from '../password-hash'
import { passwordProblem } from '../password-policy'

const refuse = (path: string, message: string) => new ValidationError({ collection: 'users', errors: [{ path, message }] })

/** Every new password, on create and on update, meets the policy (resets are checked in account-guard). */
export const checkPasswordPolicy: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  const password: unknown = data?.password
  if (typeof password !== 'string' || password === '') return data
  const email = typeof data?.email === 'string' ? data.email : (originalDoc as { email?: string } | undefined)?.email
  const problem = passwordProblem(password, email)
  if (problem) throw refuse('password', problem)
  return data
}

/**
 * Changing one's own email or password needs the current password (a session left open, or a
 * stolen token, must not be enough to take the account over). An admin changing another person's
 * account does not need it.
 */
export const requireCurrentPassword: CollectionBeforeValidateHook = async ({ data, operation, originalDoc, req }) => {
  if (!data) return data
  const currentPassword: unknown = data.currentPassword
  // Never stored (the field is virtual) and never passed on.
  delete data.currentPassword
  const original = originalDoc as { id?: number | string; email?: string } | undefined
  if (operation !== 'update' || !original || !req.user || req.user.collection !== 'users') return data
  if (String(req.user.id) !== String(original.id)) return data
  const changesPassword = typeof data.password === 'string' && data.password !== ''
  const changesEmail = typeof data.email === 'string' && normaliseEmail(data.email) !== normaliseEmail(original.email)
  if (!changesPassword && !changesEmail) return data
  const what = changesPassword && changesEmail ? 'email and password' : changesPassword ? 'password' : 'email'
  if (typeof currentPassword !== 'string' || currentPassword === '') {
    throw refuse('currentPassword', `Enter your current password to change your ${what}.`)
  }
  const stored = await req.payload.db.findOne<{ id: number | string; hash?: string; salt?: string }>({ collection: 'users', req, where: { id: { equals: original.id } } })
  if (!(await passwordMatches(stored, currentPassword))) {
    // A wrong guess here counts like a failed login, so an open session cannot be used to guess.
    if (req.payloadAPI !== 'local') {
      const source = requestSource(req)
      await countAttempt(req, [['loginFailuresBySourceAndAccount', `${source} ${normaliseEmail(original.email)}`]])
    }
    throw refuse('currentPassword', `Your current password is not correct, so your ${what} was not changed.`)
  }
  return data
}
