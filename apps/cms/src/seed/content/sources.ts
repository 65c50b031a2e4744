import type { Article } from '@clinic/cms-types'

/** A reference as the content model stores it (title, publisher, optional URL, date accessed). */
export type Source = NonNullable<Article['sources']>[number]

/** When the demo references were last checked by the clinic. */
const accessedAt = '2026-11-02T12:00:00.000Z'

const source = (title: string, publisher: string, url?: string): Source => ({
  title,
  publisher,
  ...(url ? { url } : {}),
  accessedAt,
})

/**
 * Real public references the demo health content rests on, by title and publisher: national
 * health services, clinical guidelines and systematic reviews.
 */
export const references = {
  nhsSciatica: source('Sciatica', 'NHS', 'https://www.nhs.uk/conditions/sciatica/'),
  niceNg59: source(
    'Low back pain and sciatica in over 16s: assessment and management (NICE guideline NG59)',
    'National Institute for Health and Care Excellence (NICE)',
    'https://www.nice.org.uk/guidance/ng59',
  ),
  niceCksSciatica: source(
    'Sciatica (lumbar radiculopathy): Clinical Knowledge Summary',
    'National Institute for Health and Care Excellence (NICE)',
    'https://cks.nice.org.uk/topics/sciatica-lumbar-radiculopathy/',
  ),
  nhsCaudaEquina: source('Cauda equina syndrome', 'NHS', 'https://www.nhs.uk/conditions/cauda-equina-syndrome/'),
  medlineSciatica: source('Sciatica', 'MedlinePlus, U.S. National Library of Medicine', 'https://medlineplus.gov/ency/article/000686.htm'),
  cochraneMassage: source('Massage for low-back pain (Cochrane systematic review, 2015)', 'Cochrane Database of Systematic Reviews'),
  neuralMobilisation: source(
    'Effectiveness of neural mobilization in the treatment of musculoskeletal conditions: a systematic review (2017)',
    'Journal of Orthopaedic & Sports Physical Therapy',
  ),
  nhsBackPain: source('Back pain', 'NHS', 'https://www.nhs.uk/conditions/back-pain/'),
  nccihMassage: source(
    'Massage Therapy: What You Need To Know',
    'National Center for Complementary and Integrative Health (NIH)',
    'https://www.nccih.nih.gov/health/massage-therapy-what-you-need-to-know',
  ),
} as const

/** A review date `days` before today at midday UTC: seeded reviews are always current. */
export function reviewedDaysAgo(days: number, now = new Date()): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12))
  date.setUTCDate(date.getUTCDate() - days)
  return date.toISOString()
}
