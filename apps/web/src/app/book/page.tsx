import type { Metadata } from 'next'
import { ButtonLink } from '@/components/ButtonLink'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { OpeningHours } from '@/components/site/OpeningHours'
import { metadataFor, siteSettings } from '@/lib/site'

export function generateMetadata(): Promise<Metadata> {
  return metadataFor({
    title: 'Book an appointment',
    description: 'Book a massage therapy appointment online, by phone or by email.',
    path: '/book',
  })
}

export default async function BookPage() {
  const settings = await siteSettings()
  // The booking link may point back here (`/book`) until the appointment form exists: then show contact details only.
  const externalBooking = settings?.bookingUrl && settings.bookingUrl !== '/book' ? settings.bookingUrl : undefined
  return (
    <div className="container container--narrow">
      <Breadcrumbs crumbs={[{ name: 'Home', path: '/' }, { name: 'Book', path: '/book' }]} />
      <h1>Book an appointment</h1>
      {externalBooking ? (
        <section className="section" aria-labelledby="book-online">
          <h2 id="book-online">Book online</h2>
          <p>Pick a service and a time that suits you.</p>
          <ButtonLink href={externalBooking}>Book online</ButtonLink>
        </section>
      ) : null}
      {settings ? (
        <section className="section" aria-labelledby="book-contact">
          <h2 id="book-contact">Call or email us</h2>
          <p>Tell us what you would like help with and when you are free; we will find a time together.</p>
          <ul className="contact-list">
            <li>
              Phone: <a href={`tel:${settings.phone.replace(/[^+\d]/g, '')}`}>{settings.phone}</a>
            </li>
            <li>
              Email: <a href={`mailto:${settings.email}`}>{settings.email}</a>
            </li>
          </ul>
          <h2>Where to find us</h2>
          <address>
            {settings.address.street}
            <br />
            {settings.address.city}
            {settings.address.region ? `, ${settings.address.region}` : ''} {settings.address.postalCode}
          </address>
          {settings.openingHours?.length ? (
            <>
              <h2>Opening hours</h2>
              <OpeningHours rows={settings.openingHours} />
            </>
          ) : null}
        </section>
      ) : (
        <p>Our booking details are being updated. Please try again in a little while.</p>
      )}
    </div>
  )
}
