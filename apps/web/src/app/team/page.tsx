import type { Metadata } from 'next'
import { CmsImage } from '@/components/CmsImage'
import { JsonLdScript } from '@/components/JsonLdScript'
import { BookingCta } from '@/components/site/BookingCta'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { listTeam } from '@/lib/cms/queries'
import { env } from '@/env'
import { teamPeople } from '@/lib/seo/json-ld'
import { metadataFor, siteSettings } from '@/lib/site'

export function generateMetadata(): Promise<Metadata> {
  return metadataFor({
    title: 'Our team',
    description: 'Meet the registered massage therapists who treat you and review our health articles.',
    path: '/team',
  })
}

export default async function TeamPage() {
  const [team, settings] = await Promise.all([listTeam(), siteSettings()])
  return (
    <div className="container container--narrow">
      <Breadcrumbs crumbs={[{ name: 'Home', path: '/' }, { name: 'Team', path: '/team' }]} />
      <h1>Our team</h1>
      {team.length === 0 ? <p>Our team will be introduced here soon.</p> : null}
      {team.map((member) => (
        <section key={member.id} id={member.slug ?? String(member.id)} className="person" aria-labelledby={`person-${member.id}`}>
          <CmsImage media={member.photo} size="card" sizes="(min-width: 40rem) 12rem, 100vw" className="person__photo" />
          <div>
            <h2 id={`person-${member.id}`}>
              {member.name}
              {member.credentials ? <span className="person__credentials">, {member.credentials}</span> : null}
            </h2>
            <p className="card__meta">{member.jobTitle}</p>
            {member.clinicalCredentials?.length ? (
              <p className="card__meta">{member.clinicalCredentials.map((row) => row.credential).join(' · ')}</p>
            ) : null}
            {member.bio.split(/\n{2,}/).map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
        </section>
      ))}
      <BookingCta bookingUrl={settings?.bookingUrl ?? '/book'} />
      {team.length > 0 ? <JsonLdScript data={teamPeople(team, env.siteUrl)} /> : null}
    </div>
  )
}
