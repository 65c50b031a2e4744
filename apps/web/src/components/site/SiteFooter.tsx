import type { Navigation, SiteSetting } from '@clinic/cms-types'
import { OpeningHours } from '@/components/site/OpeningHours'
import { NavLink } from './NavLink'

/** Contact details, opening hours and the footer links from the CMS. */
export function SiteFooter({ settings, navigation, clinicName }: { settings: SiteSetting | null; navigation: Navigation | null; clinicName: string }) {
  const links = navigation?.footer ?? []
  return (
    <footer className="site-footer">
      <div className="container site-footer__grid">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact">{clinicName}</h2>
          {settings ? (
            <address>
              {settings.address.street}
              <br />
              {settings.address.city}
              {settings.address.region ? `, ${settings.address.region}` : ''} {settings.address.postalCode}
              <br />
              <a href={`tel:${settings.phone.replace(/[^+\d]/g, '')}`}>{settings.phone}</a>
              <br />
              <a href={`mailto:${settings.email}`}>{settings.email}</a>
            </address>
          ) : null}
        </section>
        {settings?.openingHours?.length ? (
          <section aria-labelledby="footer-hours">
            <h2 id="footer-hours">Opening hours</h2>
            <OpeningHours rows={settings.openingHours} />
          </section>
        ) : null}
        {links.length > 0 || settings?.socialLinks?.length ? (
          <nav aria-label="Footer">
            <h2>More</h2>
            <ul>
              {links.map((link, index) => (
                <li key={link.id ?? index}>
                  <NavLink href={link.url}>{link.label}</NavLink>
                </li>
              ))}
              {(settings?.socialLinks ?? []).map((link, index) => (
                <li key={link.id ?? `social-${index}`}>
                  <a href={link.url}>{link.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </footer>
  )
}
