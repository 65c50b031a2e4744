import { ButtonLink } from '@/components/ButtonLink'

/** The booking call to action at the end of content pages. */
export function BookingCta({ bookingUrl, heading = 'Ready to feel better?', text }: { bookingUrl: string; heading?: string; text?: string }) {
  return (
    <section className="cta" aria-labelledby="booking-cta">
      <h2 id="booking-cta">{heading}</h2>
      <p>{text ?? 'Book a session with one of our registered massage therapists.'}</p>
      <ButtonLink href={bookingUrl}>Book an appointment</ButtonLink>
    </section>
  )
}
