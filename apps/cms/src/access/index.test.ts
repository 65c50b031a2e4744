import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'
import {
  adminOrSelf,
  anyone,
  fieldIsAdmin,
  fieldIsEditorOrAdmin,
  fieldIsStaff,
  isAdmin,
  isBookingServiceAccountOrAdmin,
  isEditorOrAdmin,
  isMarketerOrAdmin,
  isStaff,
  nobody,
  publishedOrStaff,
  roleOf,
  userIsBookingServiceAccount,
} from './index'

/** The access predicates as sentences: who may, who may not. (The matrix in tests/ runs them through Payload.) */

type Who = 'anonymous' | 'admin' | 'editor' | 'marketer' | 'no role' | 'unknown role' | 'api user'
const users: Record<Who, PayloadRequest['user']> = {
  anonymous: null,
  admin: { id: 1, collection: 'users', role: 'admin' } as never,
  editor: { id: 2, collection: 'users', role: 'editor' } as never,
  marketer: { id: 3, collection: 'users', role: 'marketer' } as never,
  'no role': { id: 4, collection: 'users' } as never,
  'unknown role': { id: 5, collection: 'users', role: 'owner' } as never,
  // An account of another auth collection that happens to carry role "admin" is not our admin.
  'api user': { id: 6, collection: 'service-accounts', role: 'admin' } as never,
}
const everyone = Object.keys(users) as Who[]
const args = (who: Who) => ({ req: { user: users[who] } as PayloadRequest }) as never

const table: Array<[name: string, fn: (args: never) => unknown, allowed: Who[]]> = [
  ['isAdmin', isAdmin, ['admin']],
  ['isStaff', isStaff, ['admin', 'editor', 'marketer']],
  ['isEditorOrAdmin', isEditorOrAdmin, ['admin', 'editor']],
  ['isMarketerOrAdmin', isMarketerOrAdmin, ['admin', 'marketer']],
  ['fieldIsAdmin', fieldIsAdmin, ['admin']],
  ['fieldIsEditorOrAdmin', fieldIsEditorOrAdmin, ['admin', 'editor']],
  ['fieldIsStaff', fieldIsStaff, ['admin', 'editor', 'marketer']],
]

describe.each(table)('%s', (_name, fn, allowed) => {
  it.each(everyone)('%s', (who) => {
    expect(fn(args(who))).toBe(allowed.includes(who))
  })
})

describe('roleOf', () => {
  it('reads the role of a staff account only', () => {
    expect(roleOf(users.admin)).toBe('admin')
    expect(roleOf(users.editor)).toBe('editor')
    expect(roleOf(users.marketer)).toBe('marketer')
    expect(roleOf(users['no role'])).toBeUndefined()
    expect(roleOf(users['unknown role'])).toBeUndefined()
    expect(roleOf(users['api user'])).toBeUndefined()
    expect(roleOf(null)).toBeUndefined()
  })
})

describe('anyone / nobody', () => {
  it('are what they say', () => {
    for (const who of everyone) {
      expect(anyone(args(who))).toBe(true)
      expect(nobody(args(who))).toBe(false)
    }
  })
})

describe('publishedOrStaff', () => {
  it('staff see drafts; everyone else only published documents', () => {
    for (const who of ['admin', 'editor', 'marketer'] as const) expect(publishedOrStaff(args(who))).toBe(true)
    for (const who of ['anonymous', 'no role', 'unknown role', 'api user'] as const) {
      expect(publishedOrStaff(args(who))).toEqual({ _status: { equals: 'published' } })
    }
  })
})

describe('adminOrSelf', () => {
  it('admins: every account; other staff: their own; anyone else: none', () => {
    expect(adminOrSelf(args('admin'))).toBe(true)
    expect(adminOrSelf(args('editor'))).toEqual({ id: { equals: 2 } })
    expect(adminOrSelf(args('marketer'))).toEqual({ id: { equals: 3 } })
    for (const who of ['anonymous', 'no role', 'unknown role', 'api user'] as const) expect(adminOrSelf(args(who))).toBe(false)
  })
})

describe('the booking service account', () => {
  const booking = { id: 7, collection: 'service-accounts', purpose: 'booking' } as never
  const cases: Array<[label: string, user: PayloadRequest['user'], isBooking: boolean, mayCreate: boolean]> = [
    ['the booking account', booking, true, true],
    ['another service account', { id: 8, collection: 'service-accounts', purpose: 'export' } as never, false, false],
    ['a service account with no purpose', { id: 9, collection: 'service-accounts' } as never, false, false],
    ['a staff account that claims the booking purpose', { id: 10, collection: 'users', role: 'editor', purpose: 'booking' } as never, false, false],
    ['an admin', users.admin, false, true],
    ['an editor', users.editor, false, false],
    ['a marketer', users.marketer, false, false],
    ['an anonymous visitor', null, false, false],
  ]
  it.each(cases)('%s', (_label, user, isBooking, mayCreate) => {
    expect(userIsBookingServiceAccount(user)).toBe(isBooking)
    expect(isBookingServiceAccountOrAdmin({ req: { user } as PayloadRequest } as never)).toBe(mayCreate)
  })
  it('is not staff: it reads no drafts and has no role', () => {
    expect(roleOf(booking)).toBeUndefined()
    expect(isStaff({ req: { user: booking as PayloadRequest['user'] } as PayloadRequest } as never)).toBe(false)
  })
})
