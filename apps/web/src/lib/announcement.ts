import { isAnnouncementActive, type Announcement } from '@clinic/cms-types'

export { isAnnouncementActive }

/**
 * Whether the banner shows on a page rendered now. The CMS's answer (`showingNow`, worked out by its
 * clock when the site read the announcement) wins: the CMS purges the pages at each edge of the
 * window by its own clock, and a site clock a minute behind would otherwise re-render at the start
 * still "before" it and keep that page. Only an announcement without it (a CMS from before it) is
 * decided by this server's clock.
 */
export function showsAnnouncement(announcement: Announcement | null | undefined, now: Date): boolean {
  if (!announcement) return false
  if (typeof announcement.showingNow === 'boolean') return announcement.showingNow
  return isAnnouncementActive(announcement, now)
}
