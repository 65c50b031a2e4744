import type { Navigation } from '@clinic/cms-types'
import { Link } from '@/components/Link'
import { ButtonLink } from '@/components/ButtonLink'
import { NavLink } from './NavLink'
import { SearchForm } from './SearchForm'

/** The clinic's name, the header links from the CMS and the booking button. */
export function SiteHeader({ clinicName, navigation, bookingUrl }: { clinicName: string; navigation: Navigation | null; bookingUrl: string }) {
  const links = navigation?.header ?? []
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand">
          {clinicName}
        </Link>
        <nav aria-label="Main" className="site-header__nav">
          <ul>
            {links.map((link, index) => (
              <li key={link.id ?? index}>
                <NavLink href={link.url}>{link.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SearchForm id="header-search" className="site-header__search" />
        <ButtonLink href={bookingUrl}>Book</ButtonLink>
      </div>
    </header>
  )
}
