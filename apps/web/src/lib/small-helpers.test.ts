import type { Announcement } from '@clinic/cms-types'
import { describe, expect, it } from 'vitest'
import { isAnnouncementActive, showsAnnouncement } from './announcement'
import { currencyFor, formatDays, formatPrice } from './format'
import { absoluteMediaUrl } from './media'
import { parseRevalidateRequest } from './revalidate-request'
import { escapeXml, renderRss } from './rss'
import { secretMatches } from './secret'

describe('isAnnouncementActive', () => {
  const now = new Date('2026-11-24T12:00:00Z')
  const on = { enabled: true, text: 'Open Saturdays' } as unknown as Announcement
  it('shows an enabled banner with text inside its window', () => {
    expect(isAnnouncementActive(on, now)).toBe(true)
    expect(isAnnouncementActive({ ...on, startsAt: '2026-11-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' }, now)).toBe(true)
  })
  it('hides it when off, empty, not yet started or ended', () => {
    expect(isAnnouncementActive({ ...on, enabled: false }, now)).toBe(false)
    expect(isAnnouncementActive({ ...on, text: '  ' }, now)).toBe(false)
    expect(isAnnouncementActive({ ...on, startsAt: '2026-11-25T00:00:00Z' }, now)).toBe(false)
    expect(isAnnouncementActive({ ...on, endsAt: '2026-11-24T11:59:00Z' }, now)).toBe(false)
    expect(isAnnouncementActive(null, now)).toBe(false)
  })
  it('follows the CMS (its clock, when the site read it) over this server\'s clock, either way', () => {
    const window = { ...on, startsAt: '2026-11-24T12:00:30Z', endsAt: '2026-11-24T13:00:00Z' }
    // This server's clock is a minute behind: by it the window has not started, but the CMS says it has.
    expect(showsAnnouncement({ ...window, showingNow: true }, now)).toBe(true)
    // Ahead: by this clock the window has ended, but the CMS (which purges at the end) says not yet.
    expect(showsAnnouncement({ ...window, showingNow: true }, new Date('2026-11-24T13:00:20Z'))).toBe(true)
    expect(showsAnnouncement({ ...window, showingNow: false }, new Date('2026-11-24T12:30:00Z'))).toBe(false)
    // A CMS that does not say: this server's clock decides.
    expect(showsAnnouncement(window, new Date('2026-11-24T12:30:00Z'))).toBe(true)
    expect(showsAnnouncement({ ...window, showingNow: null }, now)).toBe(false)
    expect(showsAnnouncement(null, now)).toBe(false)
  })
})

describe('formatting', () => {
  it('prices in the clinic country currency', () => {
    expect(currencyFor('CA')).toBe('CAD')
    expect(currencyFor(undefined)).toBe('USD')
    expect(formatPrice(110, 'CAD')).toBe('$110.00')
  })
  it('writes runs of days as a range', () => {
    expect(formatDays(['Monday', 'Tuesday', 'Wednesday', 'Thursday'])).toBe('Monday–Thursday')
    expect(formatDays(['Saturday'])).toBe('Saturday')
    expect(formatDays(['Friday', 'Monday'])).toBe('Monday, Friday')
  })
  it('makes CMS media URLs absolute', () => {
    expect(absoluteMediaUrl('/api/media/file/a.jpg', 'http://cms:3001')).toBe('http://cms:3001/api/media/file/a.jpg')
    expect(absoluteMediaUrl('https://cdn.example/a.jpg', 'http://cms:3001')).toBe('https://cdn.example/a.jpg')
  })
})

describe('parseRevalidateRequest', () => {
  it('accepts a list of tags and removes repeats', () => {
    expect(parseRevalidateRequest({ tags: ['collection:articles', 'collection:articles', 'doc:articles:x'] })).toEqual({
      tags: ['collection:articles', 'doc:articles:x'],
    })
  })
  it('refuses bodies without tags', () => {
    expect(parseRevalidateRequest({})).toHaveProperty('error')
    expect(parseRevalidateRequest({ tags: [] })).toHaveProperty('error')
    expect(parseRevalidateRequest({ tags: [''] })).toHaveProperty('error')
    expect(parseRevalidateRequest('collection:articles')).toHaveProperty('error')
  })
})

describe('secretMatches', () => {
  it('matches only the exact secret', () => {
    expect(secretMatches('s3cret-value', 's3cret-value')).toBe(true)
    expect(secretMatches('s3cret-valuf', 's3cret-value')).toBe(false)
    expect(secretMatches('', 's3cret-value')).toBe(false)
    expect(secretMatches(null, 's3cret-value')).toBe(false)
  })
})

describe('renderRss', () => {
  it('escapes content and includes each article', () => {
    const xml = renderRss({
      title: 'A & B',
      siteUrl: 'https://clinic.example',
      feedUrl: 'https://clinic.example/feed.xml',
      description: 'Articles',
      items: [{ title: 'Pain <less>', url: 'https://clinic.example/articles/a', description: 'x', publishedAt: '2026-11-10T00:00:00Z', author: 'Hannah' }],
    })
    expect(xml).toContain('<title>A &amp; B</title>')
    expect(xml).toContain('<title>Pain &lt;less&gt;</title>')
    expect(xml).toContain('<pubDate>Tue, 10 Nov 2026 00:00:00 GMT</pubDate>')
    expect(xml).toContain('<dc:creator>Hannah</dc:creator>')
    expect(escapeXml(`"'`)).toBe('&quot;&apos;')
  })
})
