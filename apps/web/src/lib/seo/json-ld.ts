import type { Article, Condition, Exercise, Service, SiteSetting, Team } from '@clinic/cms-types'
import { populated, populatedList } from '@/lib/cms/populated'

/**
 * Small typed builders for schema.org JSON-LD. Each takes CMS documents and absolute URLs and
 * returns a plain object for a `<script type="application/ld+json">` tag.
 */

export type JsonLd = { '@context'?: 'https://schema.org'; '@type': string; [key: string]: unknown }

type Thing = Record<string, unknown>

const context = 'https://schema.org' as const

/** Drops keys whose value is undefined, null or an empty array, so the output stays lean. */
function compact<T extends Thing>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  ) as T
}

const dayNames = {
  Monday: 'https://schema.org/Monday',
  Tuesday: 'https://schema.org/Tuesday',
  Wednesday: 'https://schema.org/Wednesday',
  Thursday: 'https://schema.org/Thursday',
  Friday: 'https://schema.org/Friday',
  Saturday: 'https://schema.org/Saturday',
  Sunday: 'https://schema.org/Sunday',
} as const

function person(member: Team, siteUrl: string): Thing {
  return compact({
    '@type': 'Person',
    name: member.name,
    jobTitle: member.jobTitle,
    hasCredential: member.credentials ?? undefined,
    url: `${siteUrl}/team#${member.slug ?? member.id}`,
  })
}

/** The clinic itself, on every page: address, phone and opening hours. */
export function healthAndBeautyBusiness(settings: SiteSetting, siteUrl: string, imageUrl?: string): JsonLd {
  return compact({
    '@context': context,
    '@type': 'HealthAndBeautyBusiness',
    '@id': `${siteUrl}/#clinic`,
    name: settings.clinicName,
    description: settings.tagline ?? undefined,
    url: siteUrl,
    telephone: settings.phone,
    email: settings.email,
    image: imageUrl,
    address: compact({
      '@type': 'PostalAddress',
      streetAddress: settings.address.street,
      addressLocality: settings.address.city,
      addressRegion: settings.address.region ?? undefined,
      postalCode: settings.address.postalCode,
      addressCountry: settings.address.country,
    }),
    openingHoursSpecification: (settings.openingHours ?? []).map((row) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: row.days.map((day) => dayNames[day]),
      opens: row.opens,
      closes: row.closes,
    })),
    sameAs: (settings.socialLinks ?? []).map((link) => link.url),
  })
}

/** A health article: who reviewed its medical claims, and when. */
export function medicalWebPage(article: Article, url: string, siteUrl: string, imageUrl?: string): JsonLd {
  const author = populated(article.author)
  const reviewer = populated(article.medicalReviewer)
  return compact({
    '@context': context,
    '@type': 'MedicalWebPage',
    '@id': url,
    url,
    headline: article.title,
    name: article.title,
    description: article.excerpt,
    image: imageUrl,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    lastReviewed: article.reviewedAt ? article.reviewedAt.slice(0, 10) : undefined,
    reviewedBy: reviewer ? person(reviewer, siteUrl) : undefined,
    author: author ? person(author, siteUrl) : undefined,
    about: populatedList(article.conditions).map((condition) => ({ '@type': 'MedicalCondition', name: condition.name })),
    publisher: { '@id': `${siteUrl}/#clinic` },
  })
}

/** A condition hub: what it is, its signs, and the treatments the clinic offers for it. */
export function medicalCondition(condition: Condition, url: string): JsonLd {
  return compact({
    '@context': context,
    '@type': 'MedicalCondition',
    '@id': url,
    url,
    name: condition.name,
    description: condition.summary,
    signOrSymptom: condition.symptoms.map((row) => ({ '@type': 'MedicalSignOrSymptom', name: row.symptom })),
    cause: (condition.causes ?? []).map((row) => ({ '@type': 'MedicalCause', name: row.cause })),
    possibleTreatment: populatedList(condition.relatedServices).map((service) => ({
      '@type': 'MedicalTherapy',
      name: service.name,
    })),
  })
}

/** A home exercise, as a plan a patient follows. */
export function exercisePlan(exercise: Exercise, url: string, imageUrl?: string): JsonLd {
  return compact({
    '@context': context,
    '@type': 'ExercisePlan',
    '@id': url,
    url,
    name: exercise.name,
    description: exercise.summary,
    image: imageUrl,
    exerciseType: exercise.targetArea,
    repetitions: exercise.reps ?? undefined,
    workload: exercise.sets ? `${exercise.sets} sets` : undefined,
    restPeriods: exercise.holdSeconds ? `PT${exercise.holdSeconds}S` : undefined,
    activityFrequency: exercise.frequency,
    additionalVariable: exercise.safetyNotes,
  })
}

/** A massage service with one offer per duration and price. */
export function service(doc: Service, url: string, siteUrl: string, currency: string, imageUrl?: string): JsonLd {
  return compact({
    '@context': context,
    '@type': 'Service',
    '@id': url,
    url,
    name: doc.name,
    description: doc.summary,
    image: imageUrl,
    serviceType: 'Massage therapy',
    provider: { '@id': `${siteUrl}/#clinic` },
    offers: doc.durations.map((row) => ({
      '@type': 'Offer',
      name: `${row.minutes} minutes`,
      price: row.price.toFixed(2),
      priceCurrency: currency,
      url,
    })),
  })
}

export type Crumb = { name: string; path: string }

/** The trail from the home page to this one. */
export function breadcrumbList(crumbs: Crumb[], siteUrl: string): JsonLd {
  return {
    '@context': context,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: `${siteUrl}${crumb.path === '/' ? '' : crumb.path}` || siteUrl,
    })),
  }
}

/** Serialises JSON-LD for inline use: `<` is escaped so content can never close the script tag. */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}

/** The site itself, on every page, with its search (a `SearchAction` pointing at /search?q=). */
export function webSite(name: string, siteUrl: string): JsonLd {
  return {
    '@context': context,
    '@type': 'WebSite',
    name,
    url: `${siteUrl}/`,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${siteUrl}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  }
}
