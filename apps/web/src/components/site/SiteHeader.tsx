import type { Navigation } from '@clinic/cms-types'
import { Link } from '@/components/Link'
import { ButtonLink } from '@/components/ButtonLink'
import { NavLink } from './NavLink'
import { SearchForm } from './SearchForm'

/**
 * The clinic's name, the header links from the CMS, search and the booking button. On a phone:
 * name, Book and Menu on one row, search below, the links behind Menu, so the page's h1 is in
 * the first screen.
 */
export function SiteHeader({ clinicName, navigation, bookingUrl }: { clinicName: string; navigation: Navigation | null; bookingUrl: string }) {
  const links = navigation?.header ?? []
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand">
          {clinicName}
        </Link>
        {/* On a phone the links wait behind "Menu": a native disclosure (keyboard and no-JavaScript
            friendly) whose open state shows the navigation through CSS (globals.css, Header). */}
        <details className="site-header__menu">
          <summary aria-controls="site-nav">Menu</summary>
        </details>
        <nav aria-label="Main" className="site-header__nav" id="site-nav">
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
