import { bookingConsent } from '@clinic/cms-types'
import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { whatNeedsMe } from '@/components/admin/NeedsYou/data'
import { daysAgo, richText, supportingDocs, unique } from './helpers/fixtures'
import { bootPayload, shutdownPayload } from './helpers/payload'

/**
 * The dashboard's "What needs you now", by role, on a real database: an editor sees a new
 * appointment request at once (count, oldest, link), a marketer sees nothing of appointment
 * requests (no name, no email, no count), and both see the content sections.
 */

let payload: Payload
let editor: TypedUser
let marketer: TypedUser

async function staff(role: 'editor' | 'marketer'): Promise<TypedUser> {
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email: `${role}-${Date.now().toString(36)}@needs.example`, password: 'Quiet-harbour-lantern-2026!', role, name: role } as never,
  })
  return { ...user, collection: 'users' } as unknown as TypedUser
}

beforeAll(async () => {
  payload = await bootPayload('needs-you')
  editor = await staff('editor')
  marketer = await staff('marketer')
}, 120_000)

afterAll(async () => {
  await shutdownPayload(payload)
})

describe('what needs you now', () => {
  it('shows an editor a new request at once, and a marketer no personal data', async () => {
    const sectionsBefore = await whatNeedsMe(await createLocalReq({ user: editor }, payload), '/admin')
    const before = sectionsBefore.find((section) => section.key === 'requests')?.count ?? -1
    expect(before).toBe(0)
    const request = await payload.create({
      collection: 'appointment-requests',
      overrideAccess: true,
      context: { skipBookingEmails: true },
      data: {
        name: 'Jordan Secretname',
        email: 'jordan.secret@example.com',
        phone: '+1 250 555 0199',
        preferredTimes: 'Weekday mornings',
        consent: true,
        consentVersion: bookingConsent.version,
      } as never,
    })
    const forEditor = await whatNeedsMe(await createLocalReq({ user: editor }, payload), '/admin')
    const requests = forEditor.find((section) => section.key === 'requests')
    expect(requests?.count).toBe(1)
    expect(requests?.items[0]?.href).toBe(`/admin/collections/appointment-requests/${request.id}`)
    expect(requests?.items[0]?.label).toMatch(/Oldest/)
    expect(JSON.stringify(forEditor)).not.toContain('Secretname')

    const forMarketer = await whatNeedsMe(await createLocalReq({ user: marketer }, payload), '/admin')
    expect(forMarketer.map((section) => section.key)).toEqual(['failures', 'reviews', 'scheduled', 'drafts'])
    const text = JSON.stringify(forMarketer)
    for (const personal of ['Secretname', 'jordan.secret', '555 0199', 'appointment-requests']) expect(text).not.toContain(personal)
  })
})

describe('at scale, the dashboard counts everything and lists the first five', () => {
  it('counts every draft waiting and every review due, with five lines each, due soonest first', async () => {
    const support = await supportingDocs(payload)
    const article = (title: string, extra: Record<string, unknown>, draft: boolean) =>
      payload.create({
        collection: 'articles',
        draft,
        overrideAccess: true,
        data: { title, excerpt: 'Summary.', body: richText('Body.'), author: support.teamId, medicalReviewer: support.reviewerId, ...extra } as never,
      })
    const req = await createLocalReq({ user: editor }, payload)
    const before = await whatNeedsMe(req, '/admin')
    const countOf = (sections: typeof before, key: string) => sections.find((section) => section.key === key)?.count ?? -1
    // Seven new drafts (more than the five shown, and more than one page of any list).
    for (let n = 0; n < 7; n += 1) await article(unique('Waiting draft'), { reviewedAt: daysAgo(1) }, true)
    // Seven published articles whose review falls due within 30 days (reviewed 11 months and a week
    // ago, a day apart), made in an order where neither the first five nor the last five made are
    // the five due soonest: only a query sorted on the review date finds them.
    const month = 30.44
    const dueSoon: { title: string; daysEarlier: number }[] = []
    for (const daysEarlier of [6, 0, 1, 2, 3, 4, 5]) {
      const title = unique('Due soon')
      dueSoon.push({ title, daysEarlier })
      await article(title, { reviewedAt: daysAgo(11 * month + 7 + daysEarlier), _status: 'published' }, false)
    }
    const soonestFive = [...dueSoon].sort((a, b) => b.daysEarlier - a.daysEarlier).slice(0, 5).map(({ title }) => `Due soon: ${title}`)
    const after = await whatNeedsMe(req, '/admin')
    expect(countOf(after, 'drafts') - countOf(before, 'drafts')).toBe(7)
    expect(countOf(after, 'reviews') - countOf(before, 'reviews')).toBe(7)
    const reviews = after.find((section) => section.key === 'reviews')!
    const drafts = after.find((section) => section.key === 'drafts')!
    expect(reviews.items).toHaveLength(5)
    expect(drafts.items).toHaveLength(5)
    // The five due soonest, soonest first.
    expect(reviews.items.map((item) => item.label)).toEqual(soonestFive)
  })
})
