import type { Metadata } from 'next'
import { Link } from '@/components/Link'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { metadataFor, siteSettings } from '@/lib/site'

export async function generateMetadata(): Promise<Metadata> {
  return { ...(await metadataFor({ title: 'Request received', description: 'We received your appointment request.', path: '/book/thanks' })), robots: { index: false } }
}

/** The confirmation after a request (the "Get" of Post/Redirect/Get). It holds nothing personal, so it is cached like any page. */
export default async function BookingThanksPage() {
  const settings = await siteSettings().catch(() => null)
  return (
    <div className="container container--narrow">
      <Breadcrumbs
        crumbs={[
          { name: 'Home', path: '/' },
          { name: 'Book', path: '/book' },
          { name: 'Request received', path: '/book/thanks' },
        ]}
      />
      <h1>Thank you: we received your request</h1>
      <h2>What happens next</h2>
      <ol>
        <li>We have sent you an email to say that your request arrived. If it is not in your inbox in a few minutes, check your spam folder.</li>
        <li>Someone from our front desk will call or email you within one working day to agree a time.</li>
        <li>Nothing is booked until we confirm a time with you.</li>
      </ol>
      {settings ? (
        <p>
          Need to reach us sooner? Call <a href={`tel:${settings.phone.replace(/[^+\d]/g, '')}`}>{settings.phone}</a>.
        </p>
      ) : null}
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </div>
  )
}
