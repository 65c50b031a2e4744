import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'
import type { Role } from '@clinic/cms-types'

type MaybeUser = PayloadRequest['user']

/** The role of whoever made the request, or undefined for an anonymous visitor. */
export function roleOf(user: MaybeUser): Role | undefined {
  if (!user || user.collection !== 'users') return undefined
  const role = (user as { role?: unknown }).role
  return role === 'admin' || role === 'editor' || role === 'marketer' ? role : undefined
}

const hasRole =
  (...allowed: Role[]) =>
  (user: MaybeUser): boolean => {
    const role = roleOf(user)
    return role !== undefined && allowed.includes(role)
  }

export const userIsAdmin = hasRole('admin')
export const userIsStaff = hasRole('admin', 'editor', 'marketer')
export const userIsEditorOrAdmin = hasRole('admin', 'editor')
export const userIsMarketerOrAdmin = hasRole('admin', 'marketer')

export const anyone: Access = () => true
export const nobody: Access = () => false
export const isAdmin: Access = ({ req }) => userIsAdmin(req.user)
export const isStaff: Access = ({ req }) => userIsStaff(req.user)
export const isEditorOrAdmin: Access = ({ req }) => userIsEditorOrAdmin(req.user)
export const isMarketerOrAdmin: Access = ({ req }) => userIsMarketerOrAdmin(req.user)

const publishedOnly: Where = { _status: { equals: 'published' } }

/** Staff see drafts; everyone else sees published documents only. */
export const publishedOrStaff: Access = ({ req }) => (userIsStaff(req.user) ? true : publishedOnly)

/** Admins manage every account; other staff only their own. */
export const adminOrSelf: Access = ({ req }) => {
  if (userIsAdmin(req.user)) return true
  if (userIsStaff(req.user) && req.user) return { id: { equals: req.user.id } }
  return false
}

export const fieldIsAdmin: FieldAccess = ({ req }) => userIsAdmin(req.user)
export const fieldIsEditorOrAdmin: FieldAccess = ({ req }) => userIsEditorOrAdmin(req.user)
export const fieldIsStaff: FieldAccess = ({ req }) => userIsStaff(req.user)

/** The site's booking form account (an API key): it may create appointment requests, nothing else. */
export function userIsBookingServiceAccount(user: MaybeUser): boolean {
  return user?.collection === 'service-accounts' && (user as { purpose?: unknown }).purpose === 'booking'
}

export const isBookingServiceAccountOrAdmin: Access = ({ req }) => userIsAdmin(req.user) || userIsBookingServiceAccount(req.user)
