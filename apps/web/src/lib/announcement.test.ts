import type { Announcement } from '@clinic/cms-types'
import { describe, expect, it } from 'vitest'
import { isAnnouncementActive } from './announcement'

describe('the announcement window', () => {
  const now = new Date('2026-11-24T12:00:00.000Z')
  const on = { enabled: true, text: 'Open Saturdays' } as unknown as Announcement

  it('starts exactly at its start time and ends exactly at its end time', () => {
    expect(isAnnouncementActive({ ...on, startsAt: now.toISOString() }, now)).toBe(true)
    expect(isAnnouncementActive({ ...on, startsAt: '2026-11-24T12:00:00.001Z' }, now)).toBe(false)
    expect(isAnnouncementActive({ ...on, endsAt: now.toISOString() }, now)).toBe(false)
    expect(isAnnouncementActive({ ...on, endsAt: '2026-11-24T12:00:00.001Z' }, now)).toBe(true)
  })

  it('a banner without text is not shown, whether the text is empty or missing', () => {
    expect(isAnnouncementActive({ ...on, text: undefined } as unknown as Announcement, now)).toBe(false)
    expect(isAnnouncementActive({ ...on, text: null } as unknown as Announcement, now)).toBe(false)
    expect(isAnnouncementActive(undefined, now)).toBe(false)
  })
})
