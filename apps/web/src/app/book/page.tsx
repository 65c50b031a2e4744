import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { connection } from 'next/server'
import { ButtonLink } from '@/components/ButtonLink'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { OpeningHours } from '@/components/site/OpeningHours'
import { env } from '@/env'
import { issueFormToken, newIdempotencyKey } from '@/lib/booking/form-token'
import { bookingRefusedHeader, emptyBookingValues, isRefusedBooking, refusedBookingMessages, type BookingFormState } from '@/lib/booking/state'
import { listServices } from '@/lib/cms/queries'
import { metadataFor, siteSettings } from '@/lib/site'
import { BookingForm } from './_components/BookingForm'

export function generateMetadata(): Promise<Metadata> {
  return metadataFor({
    title: 'Book an appointment',
    description: 'Ask for a massage therapy appointment online, or call or email us.',
    path: '/book',
  })
}

export default async function BookPage() {
  // Rendered per request: each form carries its own one-time key and the time it was shown, so
  // no cache may hand one visitor's form to another (next.config.mjs sends `private, no-store`).
  // The settings and services it shows still come from the tagged data cache.
  await connection()
  const [settings, services] = await Promise.all([siteSettings().catch(() => null), listServices().catch(() => [])])
  const mode = settings?.bookingMode ?? 'form'
  // The booking link may point back here (`/book`): then there is no external system to link to.
  const externalBooking = settings?.bookingUrl && settings.bookingUrl !== '/book' ? settings.bookingUrl : undefined
  const secret = env.bookingApiKey
  const showForm = (mode === 'form' || mode === 'both') && Boolean(secret) && Boolean(settings)
  const showLink = externalBooking && (mode === 'external' || mode === 'both' || !showForm)

  let initial: BookingFormState | undefined
  if (showForm && secret) {
    const idempotencyKey = newIdempotencyKey()
    initial = { values: emptyBookingValues, errors: {}, idempotencyKey, formToken: issueFormToken(secret, idempotencyKey) }
    // A post the proxy refused before reading it (src/proxy.ts): the form again, with why.
    const refused = (await headers()).get(bookingRefusedHeader)
    if (isRefusedBooking(refused)) initial.problem = { kind: refused, message: refusedBookingMessages[refused] }
  }

  return (
    <div className="container container--narrow">
      <Breadcrumbs crumbs={[{ name: 'Home', path: '/' }, { name: 'Book', path: '/book' }]} />
      <h1>Book an appointment</h1>
      {initial ? (
        <section className="section" aria-labelledby="book-request">
          <h2 id="book-request">Ask for an appointment</h2>
          <p>
            Tell us what you would like and when you are free. We reply within one working day to agree a time with you; nothing is
            booked until we confirm.
          </p>
          <BookingForm initial={initial} services={services.map((service) => ({ id: String(service.id), name: service.name }))} privacyHref="/privacy" />
        </section>
      ) : null}
      {showLink ? (
        <section className="section" aria-labelledby="book-online">
          <h2 id="book-online">Book online</h2>
          <p>Pick a service and a time that suits you in our online booking system.</p>
          <ButtonLink href={externalBooking}>Book online</ButtonLink>
        </section>
      ) : null}
      {settings ? (
        <section className="section" aria-labelledby="book-contact">
          <h2 id="book-contact">Call or email us</h2>
          <p>Prefer to talk? Tell us what you would like help with and when you are free; we will find a time together.</p>
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
