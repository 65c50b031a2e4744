import type { Payload, TypedUser } from 'payload'
import { recordCases } from '@clinic/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentData, pngBytes, supportingDocs, titleFieldOf, unique, type SupportingDocs } from './helpers/fixtures'
import { testDatabase } from './helpers/database'
import { bootPayload, shutdownPayload } from './helpers/payload'

/**
 * SPEC's access table, enumerated: every role × every collection and global × every operation,
 * with drafts and published documents separately. Each case acts through the Local API with
 * access control on, as that user, against real documents.
 */

/** `booking service` is the site's booking form account (an API key on a service account). */
type Role = 'anonymous' | 'booking service' | 'editor' | 'marketer' | 'admin'
const roles: Role[] = ['anonymous', 'booking service', 'editor', 'marketer', 'admin']
const contentCollections = ['articles', 'services', 'exercises', 'conditions', 'pages', 'team'] as const
type ContentCollection = (typeof contentCollections)[number]
type DocState = 'draft' | 'published'
const states: DocState[] = ['draft', 'published']
const contentOperations = ['create', 'read', 'readVersions', 'update content', 'update SEO', 'publish', 'delete'] as const
type ContentOperation = (typeof contentOperations)[number]

/** What SPEC allows, written out as a table rather than derived from the access functions. */
function contentAllowed(role: Role, collection: ContentCollection, operation: ContentOperation, state: DocState): boolean {
  if (role === 'admin' || role === 'editor') return true
  if (role === 'anonymous' || role === 'booking service') return operation === 'read' && state === 'published'
  // marketer: reads everything; writes pages; edits SEO and schedules/publishes everywhere.
  if (collection === 'pages') return true
  return ['read', 'readVersions', 'update SEO', 'publish'].includes(operation)
}

let payload: Payload
let support: SupportingDocs
const users = {} as Record<Exclude<Role, 'anonymous' | 'booking service'>, TypedUser>
let bookingService: TypedUser
let cases = 0

const asUser = (role: Role) => (role === 'anonymous' ? undefined : role === 'booking service' ? bookingService : users[role])

beforeAll(async () => {
  payload = await bootPayload('access-matrix')
  support = await supportingDocs(payload)
  for (const role of ['admin', 'editor', 'marketer'] as const) {
    const user = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: `${role}@matrix.example`, password: 'matrix-password-1', name: role, role },
    })
    users[role] = { ...user, collection: 'users' } as TypedUser
  }
  const account = await payload.create({
    collection: 'service-accounts',
    overrideAccess: true,
    data: { name: 'Matrix booking form', purpose: 'booking', enableAPIKey: true, apiKey: 'matrix-booking-key-0123456789' },
  })
  bookingService = { ...account, collection: 'service-accounts' } as unknown as TypedUser
})

afterAll(async () => {
  console.log(`access matrix: ${cases} cases checked`)
  recordCases(`access matrix (${testDatabase})`, cases, 'roles × collections and globals × operations × draft/published')
  await shutdownPayload(payload)
})

async function makeDoc(collection: ContentCollection, state: DocState) {
  return payload.create({
    collection,
    overrideAccess: true,
    draft: state === 'draft',
    data: { ...contentData(collection, support), _status: state } as never,
  })
}

/**
 * Runs an operation and says whether it took effect for the caller. Only Payload's own access
 * refusals count as "refused": a Forbidden (403), or a NotFound (404) for a document that is
 * still there (read access given as a query hides it). Anything else, a 401, a validation error,
 * a 404 for a document that is gone, fails the test with what it was.
 */
async function attempt(fn: () => Promise<boolean>, stillThere?: () => Promise<boolean>): Promise<boolean> {
  try {
    return await fn()
  } catch (error) {
    const { status, name, message } = error as { status?: number; name?: string; message?: string }
    if (status === 403 && name === 'Forbidden') return false
    if (status === 404 && name === 'NotFound' && stillThere && (await stillThere())) return false
    throw new Error(`Not an access refusal: ${name ?? 'error'} ${status ?? ''} “${message}”`, { cause: error })
  }
}

/** True while the document exists (seen with access control off). */
const exists = (collection: 'users' | 'media' | 'appointment-requests' | ContentCollection, id: number | string) => async () =>
  (await payload.count({ collection, overrideAccess: true, where: { id: { equals: id } } })).totalDocs === 1

describe.each(contentCollections)('%s', (collection) => {
  const titleField = titleFieldOf(collection)
  describe.each(roles)('as %s', (role) => {
    describe.each(states)('%s document', (state) => {
      it.each(contentOperations)('%s', async (operation) => {
        cases++
        const user = asUser(role)
        const expected = contentAllowed(role, collection, operation, state)
        let happened: boolean
        switch (operation) {
          case 'create':
            happened = await attempt(async () => {
              const doc = await payload.create({
                collection,
                user,
                overrideAccess: false,
                draft: state === 'draft',
                data: { ...contentData(collection, support), _status: state } as never,
              })
              return Boolean(doc.id)
            })
            break
          case 'read': {
            const doc = await makeDoc(collection, state)
            happened = await attempt(async () => {
              const found = await payload.findByID({ collection, id: doc.id, user, overrideAccess: false, draft: true })
              const list = await payload.find({ collection, user, overrideAccess: false, draft: true, where: { id: { equals: doc.id } } })
              return found.id === doc.id && list.docs.length === 1
            }, exists(collection, doc.id))
            break
          }
          case 'readVersions': {
            const doc = await makeDoc(collection, state)
            happened = await attempt(async () => {
              const versions = await payload.findVersions({ collection, user, overrideAccess: false, where: { parent: { equals: doc.id } } })
              return versions.docs.length > 0
            })
            break
          }
          case 'update content': {
            const doc = await makeDoc(collection, state)
            const newTitle = unique('Changed')
            await attempt(async () => {
              await payload.update({ collection, id: doc.id, user, overrideAccess: false, draft: state === 'draft', data: { [titleField]: newTitle } as never })
              return true
            })
            const after = await payload.findByID({ collection, id: doc.id, overrideAccess: true, draft: true })
            happened = (after as Record<string, unknown>)[titleField] === newTitle
            break
          }
          case 'update SEO': {
            const doc = await makeDoc(collection, state)
            const seoTitle = unique('SEO title')
            await attempt(async () => {
              await payload.update({ collection, id: doc.id, user, overrideAccess: false, draft: state === 'draft', data: { meta: { title: seoTitle } } as never })
              return true
            })
            const after = await payload.findByID({ collection, id: doc.id, overrideAccess: true, draft: true })
            happened = (after as { meta?: { title?: string } }).meta?.title === seoTitle
            break
          }
          case 'publish': {
            const doc = await makeDoc(collection, state)
            await attempt(async () => {
              await payload.update({ collection, id: doc.id, user, overrideAccess: false, data: { _status: 'published' } as never })
              return true
            })
            const after = await payload.findByID({ collection, id: doc.id, overrideAccess: true })
            // A document that was already published stays published; what matters is that the
            // caller could act: check that a new published version was written by them.
            const versions = await payload.findVersions({ collection, overrideAccess: true, where: { parent: { equals: doc.id } } })
            happened = (after as { _status?: string })._status === 'published' && versions.totalDocs > 1
            break
          }
          case 'delete': {
            const doc = await makeDoc(collection, state)
            await attempt(async () => {
              await payload.delete({ collection, id: doc.id, user, overrideAccess: false })
              return true
            })
            const remaining = await payload.count({ collection, overrideAccess: true, where: { id: { equals: doc.id } } })
            happened = remaining.totalDocs === 0
            break
          }
        }
        expect(happened, `${role} ${operation} on a ${state} ${collection} document`).toBe(expected)
      })
    })
  })
})

describe('media', () => {
  const allowed: Record<Role, Record<'create' | 'read' | 'update' | 'delete', boolean>> = {
    anonymous: { create: false, read: true, update: false, delete: false },
    'booking service': { create: false, read: true, update: false, delete: false },
    editor: { create: true, read: true, update: true, delete: true },
    marketer: { create: true, read: true, update: true, delete: true },
    admin: { create: true, read: true, update: true, delete: true },
  }
  const makeImage = async (user?: TypedUser) =>
    payload.create({
      collection: 'media',
      user,
      overrideAccess: false,
      data: { alt: 'A soft green square' },
      file: { data: await pngBytes(), mimetype: 'image/png', name: `${unique('img').replace(/\W/g, '-')}.png`, size: 100 },
    })
  describe.each(roles)('as %s', (role) => {
    it.each(['create', 'read', 'update', 'delete'] as const)('%s', async (operation) => {
      cases++
      const user = asUser(role)
      let happened: boolean
      if (operation === 'create') {
        happened = await attempt(async () => Boolean((await makeImage(user)).id))
      } else {
        const image = await payload.create({
          collection: 'media',
          overrideAccess: true,
          data: { alt: 'A soft green square' },
          file: { data: await pngBytes(), mimetype: 'image/png', name: `${unique('img').replace(/\W/g, '-')}.png`, size: 100 },
        })
        if (operation === 'read') {
          happened = await attempt(async () => (await payload.findByID({ collection: 'media', id: image.id, user, overrideAccess: false })).id === image.id, exists('media', image.id))
        } else if (operation === 'update') {
          await attempt(async () => Boolean(await payload.update({ collection: 'media', id: image.id, user, overrideAccess: false, data: { alt: 'Changed alt text' } })))
          happened = (await payload.findByID({ collection: 'media', id: image.id, overrideAccess: true })).alt === 'Changed alt text'
        } else {
          await attempt(async () => Boolean(await payload.delete({ collection: 'media', id: image.id, user, overrideAccess: false })))
          happened = (await payload.count({ collection: 'media', overrideAccess: true, where: { id: { equals: image.id } } })).totalDocs === 0
        }
      }
      expect(happened, `${role} ${operation} media`).toBe(allowed[role][operation])
    })
  })
})

describe('appointment-requests (personal data)', () => {
  const allowed: Record<Role, Record<'create' | 'read' | 'update status' | 'update personal data' | 'delete', boolean>> = {
    anonymous: { create: false, read: false, 'update status': false, 'update personal data': false, delete: false },
    // The site's booking form: it files requests and can do nothing else with them.
    'booking service': { create: true, read: false, 'update status': false, 'update personal data': false, delete: false },
    editor: { create: false, read: true, 'update status': true, 'update personal data': false, delete: false },
    marketer: { create: false, read: false, 'update status': false, 'update personal data': false, delete: false },
    admin: { create: true, read: true, 'update status': true, 'update personal data': true, delete: true },
  }
  const requestData = () => ({
    name: 'Sam Patient',
    email: 'sam@example.com',
    phone: '555 0100',
    preferredTimes: 'Weekday mornings',
    consent: true,
    consentVersion: '2026-11-30',
    message: 'Lower back pain.',
  })
  describe.each(roles)('as %s', (role) => {
    it.each(['create', 'read', 'update status', 'update personal data', 'delete'] as const)('%s', async (operation) => {
      cases++
      const user = asUser(role)
      let happened: boolean
      if (operation === 'create') {
        happened = await attempt(async () => Boolean((await payload.create({ collection: 'appointment-requests', user, overrideAccess: false, data: requestData() })).id))
      } else {
        const request = await payload.create({ collection: 'appointment-requests', overrideAccess: true, data: requestData() })
        const reload = () => payload.findByID({ collection: 'appointment-requests', id: request.id, overrideAccess: true })
        if (operation === 'read') {
          happened = await attempt(async () => {
            const found = await payload.findByID({ collection: 'appointment-requests', id: request.id, user, overrideAccess: false })
            const list = await payload.find({ collection: 'appointment-requests', user, overrideAccess: false })
            return found.email === 'sam@example.com' && list.docs.length > 0
          }, exists('appointment-requests', request.id))
        } else if (operation === 'update status') {
          await attempt(async () => Boolean(await payload.update({ collection: 'appointment-requests', id: request.id, user, overrideAccess: false, data: { status: 'contacted' } })))
          happened = (await reload()).status === 'contacted'
        } else if (operation === 'update personal data') {
          await attempt(async () => Boolean(await payload.update({ collection: 'appointment-requests', id: request.id, user, overrideAccess: false, data: { email: 'changed@example.com' } })))
          happened = (await reload()).email === 'changed@example.com'
        } else {
          await attempt(async () => Boolean(await payload.delete({ collection: 'appointment-requests', id: request.id, user, overrideAccess: false })))
          happened = (await payload.count({ collection: 'appointment-requests', overrideAccess: true, where: { id: { equals: request.id } } })).totalDocs === 0
        }
      }
      expect(happened, `${role} ${operation} appointment request`).toBe(allowed[role][operation])
    })
  })
})

describe('users', () => {
  const operations = ['create', 'read own', 'read other', 'update own', 'update other', 'change own role', 'delete other'] as const
  const allowed = (role: Role, operation: (typeof operations)[number]) => {
    if (role === 'admin') return true
    if (role === 'anonymous' || role === 'booking service') return false
    return operation === 'read own' || operation === 'update own'
  }
  describe.each(roles)('as %s', (role) => {
    it.each(operations)('%s', async (operation) => {
      cases++
      const user = asUser(role)
      const other = await payload.create({
        collection: 'users',
        overrideAccess: true,
        data: { email: `${unique('other').replace(/\W/g, '')}@example.com`, password: 'other-password-1', name: 'Other', role: 'editor' },
      })
      const self = role === 'anonymous' || role === 'booking service' ? undefined : users[role]
      let happened: boolean
      switch (operation) {
        case 'create':
          happened = await attempt(async () =>
            Boolean(
              await payload.create({
                collection: 'users',
                user,
                overrideAccess: false,
                data: { email: `${unique('new').replace(/\W/g, '')}@example.com`, password: 'new-password-1', name: 'New' },
              }),
            ),
          )
          break
        case 'read own':
          // Someone without an account has no "own" account: they try the list of accounts and
          // the account endpoint's view of themselves, and must see no account at all.
          happened = self
            ? await attempt(async () => (await payload.findByID({ collection: 'users', id: self.id, user, overrideAccess: false })).id === self.id, exists('users', self.id))
            : await attempt(async () => (await payload.find({ collection: 'users', user, overrideAccess: false, limit: 100 })).docs.length > 0)
          break
        case 'read other':
          happened = await attempt(async () => (await payload.findByID({ collection: 'users', id: other.id, user, overrideAccess: false })).id === other.id, exists('users', other.id))
          break
        case 'update own': {
          const name = unique('Name')
          if (!self) {
            // No account of their own: an update of "every account they may edit" must change none.
            await attempt(async () => Boolean(await payload.update({ collection: 'users', user, overrideAccess: false, where: { id: { exists: true } }, data: { name } })))
            happened = (await payload.count({ collection: 'users', overrideAccess: true, where: { name: { equals: name } } })).totalDocs > 0
            break
          }
          await attempt(async () => Boolean(await payload.update({ collection: 'users', id: self.id, user, overrideAccess: false, data: { name } })))
          happened = (await payload.findByID({ collection: 'users', id: self.id, overrideAccess: true })).name === name
          break
        }
        case 'update other': {
          const name = unique('Name')
          await attempt(async () => Boolean(await payload.update({ collection: 'users', id: other.id, user, overrideAccess: false, data: { name } })))
          happened = (await payload.findByID({ collection: 'users', id: other.id, overrideAccess: true })).name === name
          break
        }
        case 'change own role': {
          // An admin "changing own role" is tested on another account so the suite keeps its admin.
          const target = role === 'admin' || !self ? other : self
          await attempt(async () => Boolean(await payload.update({ collection: 'users', id: target.id, user, overrideAccess: false, data: { role: 'marketer' } })))
          happened = (await payload.findByID({ collection: 'users', id: target.id, overrideAccess: true })).role === 'marketer' && target.role !== 'marketer'
          if (self && target.id === self.id && happened) await payload.update({ collection: 'users', id: self.id, overrideAccess: true, data: { role } })
          break
        }
        case 'delete other':
          await attempt(async () => Boolean(await payload.delete({ collection: 'users', id: other.id, user, overrideAccess: false })))
          happened = (await payload.count({ collection: 'users', overrideAccess: true, where: { id: { equals: other.id } } })).totalDocs === 0
          break
      }
      expect(happened, `${role} ${operation}`).toBe(allowed(role, operation))
    })
  })
})

describe('service-accounts (API keys for the site)', () => {
  const operations = ['create', 'read', 'update', 'delete'] as const
  describe.each(roles)('as %s', (role) => {
    it.each(operations)('%s', async (operation) => {
      cases++
      const user = asUser(role)
      const target = await payload.create({
        collection: 'service-accounts',
        overrideAccess: true,
        data: { name: unique('Account'), purpose: 'booking' },
      })
      let happened: boolean
      if (operation === 'create') {
        happened = await attempt(async () =>
          Boolean(await payload.create({ collection: 'service-accounts', user, overrideAccess: false, data: { name: unique('New account'), purpose: 'booking' } })),
        )
      } else if (operation === 'read') {
        happened = await attempt(async () => (await payload.findByID({ collection: 'service-accounts', id: target.id, user, overrideAccess: false })).id === target.id)
      } else if (operation === 'update') {
        const name = unique('Renamed')
        await attempt(async () => Boolean(await payload.update({ collection: 'service-accounts', id: target.id, user, overrideAccess: false, data: { name } })))
        happened = (await payload.findByID({ collection: 'service-accounts', id: target.id, overrideAccess: true })).name === name
      } else {
        await attempt(async () => Boolean(await payload.delete({ collection: 'service-accounts', id: target.id, user, overrideAccess: false })))
        happened = (await payload.count({ collection: 'service-accounts', overrideAccess: true, where: { id: { equals: target.id } } })).totalDocs === 0
      }
      expect(happened, `${role} ${operation} service account`).toBe(role === 'admin')
    })
  })
})

describe('redirects', () => {
  const operations = ['create', 'read live', 'read switched off', 'read note and target', 'update', 'delete'] as const
  type Operation = (typeof operations)[number]
  /** Marketers and admins manage redirects, editors read them, the site (anonymous) reads live ones and only what it applies. */
  const allowed = (role: Role, operation: Operation): boolean => {
    if (role === 'marketer' || role === 'admin') return true
    if (role === 'editor') return operation.startsWith('read')
    return operation === 'read live'
  }
  let published: { id: number | string }
  beforeAll(async () => {
    published = await makeDoc('articles', 'published')
  })
  const path = () => `/${unique('old').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  const toArticle = (id: number | string) => ({ type: 'reference', reference: { relationTo: 'articles', value: id } })
  const makeRedirect = (targetId = published.id) =>
    payload.create({ collection: 'redirects', overrideAccess: true, data: { from: path(), to: toArticle(targetId), type: '301', note: 'Old campaign' } as never })

  describe.each(roles)('as %s', (role) => {
    it.each(operations)('%s', async (operation) => {
      cases++
      const user = asUser(role)
      let happened: boolean
      switch (operation) {
        case 'create':
          happened = await attempt(async () =>
            Boolean(await payload.create({ collection: 'redirects', user, overrideAccess: false, data: { from: path(), to: toArticle(published.id), type: '302' } as never })),
          )
          break
        case 'read live':
        case 'read switched off': {
          let targetId = published.id
          if (operation === 'read switched off') {
            // Its target is unpublished after the redirect was made: the redirect then leads nowhere.
            targetId = (await makeDoc('articles', 'published')).id
          }
          const redirect = await makeRedirect(targetId)
          if (operation === 'read switched off') await payload.update({ collection: 'articles', id: targetId, overrideAccess: true, data: { _status: 'draft' } as never })
          happened = await attempt(async () => {
            const { docs } = await payload.find({ collection: 'redirects', user, overrideAccess: false, where: { id: { equals: redirect.id } } })
            return docs.length === 1
          })
          break
        }
        case 'read note and target': {
          const redirect = await makeRedirect()
          happened = await attempt(async () => {
            const found = (await payload.findByID({ collection: 'redirects', id: redirect.id, user, overrideAccess: false })) as { note?: string; to?: unknown }
            return found.note === 'Old campaign' && Boolean(found.to)
          })
          break
        }
        case 'update': {
          const redirect = await makeRedirect()
          await attempt(async () => Boolean(await payload.update({ collection: 'redirects', id: redirect.id, user, overrideAccess: false, data: { type: '302' } as never })))
          happened = (await payload.findByID({ collection: 'redirects', id: redirect.id, overrideAccess: true })).type === '302'
          break
        }
        case 'delete': {
          const redirect = await makeRedirect()
          await attempt(async () => Boolean(await payload.delete({ collection: 'redirects', id: redirect.id, user, overrideAccess: false })))
          happened = (await payload.count({ collection: 'redirects', overrideAccess: true, where: { id: { equals: redirect.id } } })).totalDocs === 0
          break
        }
      }
      expect(happened, `${role} ${operation} redirects`).toBe(allowed(role, operation))
    })
  })
})

describe('globals', () => {
  const globals = ['site-settings', 'navigation', 'announcement'] as const
  const updateData: Record<(typeof globals)[number], Record<string, unknown>> = {
    'site-settings': {
      clinicName: 'Matrix Clinic',
      phone: '555 0100',
      email: 'hello@example.com',
      address: { street: '1 Main St', city: 'Town', postalCode: 'A1A 1A1', country: 'CA' },
      bookingUrl: '/book',
      medicalDisclaimer: 'Not medical advice.',
    },
    navigation: { header: [{ label: 'Services', url: '/services' }] },
    announcement: { enabled: true, text: 'We are open on Saturday.' },
  }
  describe.each(globals)('%s', (slug) => {
    describe.each(roles)('as %s', (role) => {
      it.each(['read', 'update'] as const)('%s', async (operation) => {
        cases++
        const user = asUser(role)
        let happened: boolean
        if (operation === 'read') {
          happened = await attempt(async () => Boolean(await payload.findGlobal({ slug, user, overrideAccess: false })))
        } else {
          const before = JSON.stringify(await payload.findGlobal({ slug, overrideAccess: true }))
          await attempt(async () => Boolean(await payload.updateGlobal({ slug, user, overrideAccess: false, data: updateData[slug] as never })))
          const after = await payload.findGlobal({ slug, overrideAccess: true })
          happened = JSON.stringify(after) !== before
          // Put it back so the next role starts from the same state.
          if (happened) await payload.updateGlobal({ slug, overrideAccess: true, data: JSON.parse(before) })
        }
        expect(happened, `${role} ${operation} ${slug}`).toBe(operation === 'read' || role === 'marketer' || role === 'admin')
      })
    })
  })
})
