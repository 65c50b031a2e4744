import type { Announcement } from '@clinic/cms-types'
import { NavLink } from './NavLink'

/** The marketing banner across the top of every page. */
export function AnnouncementBanner({ announcement }: { announcement: Announcement }) {
  return (
    <aside className="announcement" aria-label="Announcement">
      <p className="container">
        {announcement.text}
        {announcement.linkUrl && announcement.linkLabel ? (
          <>
            {' '}
            <NavLink href={announcement.linkUrl}>{announcement.linkLabel}</NavLink>
          </>
        ) : null}
      </p>
    </aside>
  )
}
