import type { Announcement } from '@clinic/cms-types'

/** Whether the banner should show at `now`: turned on, has text, and inside its window. */
export function isAnnouncementActive(announcement: Announcement | null | undefined, now: Date): boolean {
  if (!announcement?.enabled || !announcement.text?.trim()) return false
  if (announcement.startsAt && new Date(announcement.startsAt) > now) return false
  if (announcement.endsAt && new Date(announcement.endsAt) <= now) return false
  return true
}
