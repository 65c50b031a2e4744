/** The fields of the announcement (site-wide banner) that decide whether it shows. */
export type AnnouncementWindow = {
  enabled?: boolean | null
  text?: string | null
  startsAt?: string | null
  endsAt?: string | null
}

/**
 * Whether the banner shows at `now`: turned on, has text, and inside its window (from `startsAt`,
 * until just before `endsAt`). The CMS works it out with its own clock whenever the announcement is
 * read (`showingNow`), and the site shows what the CMS said: the CMS purges the banner at each edge
 * by its clock, so a site whose clock runs behind or ahead cannot re-render on the wrong side of it.
 */
export function isAnnouncementActive(announcement: AnnouncementWindow | null | undefined, now: Date): boolean {
  if (!announcement?.enabled || !announcement.text?.trim()) return false
  if (announcement.startsAt && new Date(announcement.startsAt) > now) return false
  if (announcement.endsAt && new Date(announcement.endsAt) <= now) return false
  return true
}
