import type { Article, Condition, Exercise, FaqBlock, Service, SiteSetting, Team } from '@clinic/cms-types'
import type {
  BreadcrumbList,
  CreativeWork,
  EducationalOccupationalCredential,
  ExercisePlan,
  FAQPage,
  HealthAndBeautyBusiness,
  MedicalCondition,
  MedicalWebPage,
  Person,
  Service as ServiceSchema,
  Thing,
  WebSite,
  WithContext,
  SearchAction,
} from 'schema-dts'
import { populated, populatedList } from '@/lib/cms/populated'

/**
 * Typed builders for schema.org JSON-LD. Each takes CMS documents and absolute URLs and returns a
 * plain object for a `<script type="application/ld+json">` tag. Every builder is typed with
 * `schema-dts`, so a property schema.org does not have on that type fails the type-check.
 */

/** A top-level JSON-LD object: a schema.org thing with its `@context`. */
export type JsonLd = WithContext<Thing>

const context = 'https://schema.org' as const

/** Drops keys whose value is undefined, null or an empty array, so the output stays lean. */
function compact<const T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  ) as T
}

/** A date-only string (YYYY-MM-DD), as `lastReviewed` and `dateAccessed`-like values want. */
const dayOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : undefined)

const dayNames = {
  Monday: 'https://schema.org/Monday',
  Tuesday: 'https://schema.org/Tuesday',
  Wednesday: 'https://schema.org/Wednesday',
  Thursday: 'https://schema.org/Thursday',
  Friday: 'https://schema.org/Friday',
  Saturday: 'https://schema.org/Saturday',
  Sunday: 'https://schema.org/Sunday',
} as const

/** The address of a team member's entry on the team page. */
export const teamMemberUrl = (member: Pick<Team, 'id' | 'slug'>, siteUrl: string) => `${siteUrl}/team#${member.slug ?? member.id}`

/** A schema.org person as an object (schema-dts also allows a bare string). */
type PersonObject = Exclude<Person, string>

/** A team member: job title, letters after the name, and each clinical credential. */
export function person(member: Team, siteUrl: string): PersonObject {
  return compact({
    '@type': 'Person',
    '@id': teamMemberUrl(member, siteUrl),
    name: member.name,
    jobTitle: member.jobTitle,
    honorificSuffix: member.credentials ?? undefined,
    url: teamMemberUrl(member, siteUrl),
    hasCredential: (member.clinicalCredentials ?? []).map(
      (row): EducationalOccupationalCredential =>
        compact({
          '@type': 'EducationalOccupationalCredential',
          name: row.credential,
          credentialCategory: row.category,
          recognizedBy: row.recognizedBy ? { '@type': 'Organization', name: row.recognizedBy } : undefined,
        }),
    ),
  })
}

/** Every team member as a `Person`, for the team page. */
export function teamPeople(team: Team[], siteUrl: string): WithContext<PersonObject>[] {
  return team.map((member) => ({ '@context': context, ...person(member, siteUrl) }))
}

/** The clinic itself, on every page: address, phone and opening hours. */
export function healthAndBeautyBusiness(settings: SiteSetting, siteUrl: string, imageUrl?: string): WithContext<HealthAndBeautyBusiness> {
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
  } satisfies WithContext<HealthAndBeautyBusiness>)
}

/**
 * The site as a whole. Extra properties (a search `potentialAction`, say) are merged in by the
 * caller: `webSite(name, siteUrl, { potentialAction: … })`.
 */
export function webSite(name: string, siteUrl: string, extra: Omit<WebSite, '@type'> = {}): WithContext<WebSite> {
  return {
    '@context': context,
    '@type': 'WebSite',
    '@id': `${siteUrl}/#website`,
    name,
    url: siteUrl,
    publisher: { '@id': `${siteUrl}/#clinic` },
    ...extra,
  } as WithContext<WebSite>
}

/**
 * The site's search, as search engines read it: `/search?q=…`. schema-dts has no `query-input`
 * (a Google extension written with a hyphen), so it is added to the typed action here.
 */
export function siteSearchAction(siteUrl: string): SearchAction {
  const action: SearchAction & { 'query-input': string } = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${siteUrl}/search?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  }
  return action
}

type Source = { title: string; publisher: string; url?: string | null; accessedAt?: string | null }

/** The sources a health page lists as its references. */
export function citations(sources: Source[] | null | undefined): CreativeWork[] {
  return (sources ?? []).map((source) =>
    compact({
      '@type': 'CreativeWork',
      name: source.title,
      publisher: { '@type': 'Organization', name: source.publisher },
      url: source.url ?? undefined,
    } satisfies CreativeWork),
  )
}

/** The review, sources and audience every health document shares. */
type HealthDoc = {
  medicalReviewer?: Article['medicalReviewer']
  reviewedAt?: string | null
  sources?: Source[] | null
  updatedAt: string
  publishedAt?: string | null
}

type PageInput = {
  url: string
  siteUrl: string
  name: string
  description: string
  imageUrl?: string
  about?: MedicalWebPage['about']
  mainEntity?: MedicalWebPage['mainEntity']
  author?: PersonObject
}

/**
 * A health page for patients: who reviewed its medical claims and when, its sources, and what it
 * is about. The properties Google reads for articles (headline, image, dates, author) are included.
 */
function healthPage(doc: HealthDoc, page: PageInput): WithContext<MedicalWebPage> {
  const reviewer = populated(doc.medicalReviewer)
  return compact({
    '@context': context,
    '@type': 'MedicalWebPage',
    '@id': page.url,
    url: page.url,
    name: page.name,
    headline: page.name,
    description: page.description,
    image: page.imageUrl,
    inLanguage: 'en',
    datePublished: doc.publishedAt ?? undefined,
    dateModified: doc.updatedAt,
    lastReviewed: reviewer ? dayOf(doc.reviewedAt) : undefined,
    reviewedBy: reviewer ? person(reviewer, page.siteUrl) : undefined,
    medicalAudience: { '@type': 'Patient' },
    about: page.about,
    mainEntity: page.mainEntity,
    author: page.author,
    citation: citations(doc.sources),
    isPartOf: { '@id': `${page.siteUrl}/#website` },
    publisher: { '@id': `${page.siteUrl}/#clinic` },
  } satisfies WithContext<MedicalWebPage>)
}

/** A health article: reviewed by, on, sources, about its conditions. */
export function medicalWebPage(article: Article, url: string, siteUrl: string, imageUrl?: string): WithContext<MedicalWebPage> {
  const author = populated(article.author)
  const conditions = populatedList(article.conditions)
  return healthPage(article, {
    url,
    siteUrl,
    name: article.title,
    description: article.excerpt,
    imageUrl,
    author: author ? person(author, siteUrl) : undefined,
    about: conditions.length
      ? conditions.map((condition): MedicalCondition => ({
          '@type': 'MedicalCondition',
          name: condition.name,
          url: `${siteUrl}/conditions/${condition.slug}`,
        }))
      : undefined,
  })
}

/** A condition: what it is, its signs, its causes and the treatments the clinic offers. */
export function medicalCondition(condition: Condition, url: string): MedicalCondition {
  return compact({
    '@type': 'MedicalCondition',
    '@id': `${url}#condition`,
    url,
    name: condition.name,
    description: condition.summary,
    signOrSymptom: condition.symptoms.map((row) => ({ '@type': 'MedicalSignOrSymptom' as const, name: row.symptom })),
    cause: (condition.causes ?? []).map((row) => ({ '@type': 'MedicalCause' as const, name: row.cause })),
    possibleTreatment: populatedList(condition.relatedServices).map((service) => ({
      '@type': 'MedicalTherapy' as const,
      name: service.name,
    })),
  } satisfies MedicalCondition)
}

/** A condition hub page: a patient page about the condition, with its review and sources. */
export function conditionPage(condition: Condition, url: string, siteUrl: string): WithContext<MedicalWebPage> {
  return healthPage(condition, {
    url,
    siteUrl,
    name: condition.name,
    description: condition.summary,
    about: medicalCondition(condition, url),
  })
}

/** A home exercise, as a plan a patient follows. */
export function exercisePlan(exercise: Exercise, url: string, imageUrl?: string): ExercisePlan {
  return compact({
    '@type': 'ExercisePlan',
    '@id': `${url}#plan`,
    url,
    name: exercise.name,
    description: exercise.summary,
    image: imageUrl,
    exerciseType: exercise.targetArea,
    repetitions: exercise.reps ?? undefined,
    workload: exercise.sets ? { '@type': 'QuantitativeValue', value: exercise.sets, unitText: 'sets' } : undefined,
    activityDuration: exercise.holdSeconds ? `PT${exercise.holdSeconds}S` : undefined,
    activityFrequency: exercise.frequency,
    additionalVariable: exercise.safetyNotes,
  } satisfies ExercisePlan)
}

/** An exercise page: a patient page whose main entity is the exercise plan. */
export function exercisePage(exercise: Exercise, url: string, siteUrl: string, imageUrl?: string): WithContext<MedicalWebPage> {
  const conditions = populatedList(exercise.conditions)
  return healthPage(exercise, {
    url,
    siteUrl,
    name: exercise.name,
    description: exercise.summary,
    imageUrl,
    mainEntity: exercisePlan(exercise, url, imageUrl),
    about: conditions.length
      ? conditions.map((condition): MedicalCondition => ({ '@type': 'MedicalCondition', name: condition.name }))
      : undefined,
  })
}

/** Questions and answers, as Google's FAQ rich result reads them (`mainEntity` of `Question`s). */
export function faqPage(items: NonNullable<FaqBlock['items']>): WithContext<FAQPage> {
  return {
    '@context': context,
    '@type': 'FAQPage',
    mainEntity: items.map((item) => ({
      '@type': 'Question',
      name: item.question,
      acceptedAnswer: { '@type': 'Answer', text: item.answer },
    })),
  }
}

/** A massage service with one offer per duration and price. */
export function service(doc: Service, url: string, siteUrl: string, currency: string, imageUrl?: string): WithContext<ServiceSchema> {
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
      '@type': 'Offer' as const,
      name: `${row.minutes} minutes`,
      price: row.price.toFixed(2),
      priceCurrency: currency,
      url,
    })),
  } satisfies WithContext<ServiceSchema>)
}

export type Crumb = { name: string; path: string }

/** The trail from the home page to this one. */
export function breadcrumbList(crumbs: Crumb[], siteUrl: string): WithContext<BreadcrumbList> {
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

