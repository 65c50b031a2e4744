import type { Article, Condition, Exercise, Service, SiteSetting, Team } from '@clinic/cms-types'
import type { ExercisePlan, FAQPage, MedicalWebPage, WithContext } from 'schema-dts'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  breadcrumbList,
  conditionPage,
  exercisePage,
  faqPage,
  healthAndBeautyBusiness,
  medicalWebPage,
  serializeJsonLd,
  service,
  teamPeople,
  webSite,
} from './json-ld'

const site = 'https://clinic.example'

const settings = {
  clinicName: 'Willowbank Massage Therapy',
  tagline: 'Unhurried care',
  phone: '+1 250 555 0142',
  email: 'hello@clinic.example',
  address: { street: '128 Harbour Lane', city: 'Cedar Bay', region: 'BC', postalCode: 'V9Z 0A1', country: 'CA' },
  openingHours: [
    { days: ['Monday', 'Tuesday'], opens: '09:00', closes: '19:00' },
    { days: ['Saturday'], opens: '10:00', closes: '15:00' },
  ],
  bookingUrl: '/book',
  socialLinks: [{ label: 'Instagram', url: 'https://instagram.example/x' }],
  medicalDisclaimer: 'Not medical advice.',
} as unknown as SiteSetting

const hannah = { id: '1', name: 'Hannah Lindqvist', jobTitle: 'Registered massage therapist', credentials: 'RMT', slug: 'hannah-lindqvist' } as unknown as Team
const priya = {
  id: '2',
  name: 'Priya Raman',
  jobTitle: 'Physiotherapist',
  credentials: 'PT',
  slug: 'priya-raman',
  clinicalCredentials: [{ credential: 'Registered physiotherapist', category: 'license', recognizedBy: 'Physiotherapy regulator' }],
} as unknown as Team

describe('healthAndBeautyBusiness', () => {
  it('describes the clinic with address, phone and opening hours', () => {
    const data = healthAndBeautyBusiness(settings, site)
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'HealthAndBeautyBusiness',
      '@id': `${site}/#clinic`,
      name: 'Willowbank Massage Therapy',
      telephone: '+1 250 555 0142',
      address: { '@type': 'PostalAddress', streetAddress: '128 Harbour Lane', addressLocality: 'Cedar Bay', postalCode: 'V9Z 0A1', addressCountry: 'CA' },
      sameAs: ['https://instagram.example/x'],
    })
    expect(data).toHaveProperty('openingHoursSpecification')
    expect((data as { openingHoursSpecification?: unknown }).openingHoursSpecification).toEqual([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['https://schema.org/Monday', 'https://schema.org/Tuesday'], opens: '09:00', closes: '19:00' },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['https://schema.org/Saturday'], opens: '10:00', closes: '15:00' },
    ])
  })

  it('leaves out what the clinic has not filled in', () => {
    const data = healthAndBeautyBusiness({ ...settings, openingHours: [], socialLinks: null, tagline: null }, site)
    expect(data).not.toHaveProperty('openingHoursSpecification')
    expect(data).not.toHaveProperty('sameAs')
    expect(data).not.toHaveProperty('description')
  })
})

describe('medicalWebPage (an article)', () => {
  const article = {
    id: '1',
    title: 'Sciatica and massage',
    excerpt: 'What helps and why.',
    author: hannah,
    medicalReviewer: priya,
    reviewedAt: '2026-11-10T12:00:00.000Z',
    publishedAt: '2026-11-12T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    conditions: [{ id: '5', name: 'Sciatica', slug: 'sciatica' }],
    sources: [
      { title: 'Sciatica', publisher: 'NHS', url: 'https://www.nhs.uk/conditions/sciatica/', accessedAt: '2026-11-02T12:00:00.000Z' },
      { title: 'Low back pain and sciatica in over 16s (NG59)', publisher: 'NICE', accessedAt: '2026-11-02T12:00:00.000Z' },
    ],
  } as unknown as Article

  const data = medicalWebPage(article, `${site}/articles/x`, site, `${site}/og.jpg`)

  it('is typed as a schema.org MedicalWebPage', () => {
    expectTypeOf(data).toEqualTypeOf<WithContext<MedicalWebPage>>()
  })

  it('has what Google reads on an article page: headline, image, dates, and an author with a name and URL', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      url: `${site}/articles/x`,
      headline: 'Sciatica and massage',
      image: `${site}/og.jpg`,
      datePublished: '2026-11-12T08:00:00.000Z',
      dateModified: '2026-11-20T08:00:00.000Z',
      author: { '@type': 'Person', name: 'Hannah Lindqvist', url: `${site}/team#hannah-lindqvist` },
    })
    expect(String(data.headline).length).toBeLessThanOrEqual(110)
  })

  it('names the medical reviewer with credentials, the review date, the audience, the condition and the sources', () => {
    expect(data).toMatchObject({
      lastReviewed: '2026-11-10',
      reviewedBy: {
        '@type': 'Person',
        name: 'Priya Raman',
        jobTitle: 'Physiotherapist',
        hasCredential: [{ '@type': 'EducationalOccupationalCredential', name: 'Registered physiotherapist', credentialCategory: 'license' }],
      },
      medicalAudience: { '@type': 'Patient' },
      about: [{ '@type': 'MedicalCondition', name: 'Sciatica', url: `${site}/conditions/sciatica` }],
      citation: [
        { '@type': 'CreativeWork', name: 'Sciatica', publisher: { '@type': 'Organization', name: 'NHS' }, url: 'https://www.nhs.uk/conditions/sciatica/' },
        { '@type': 'CreativeWork', name: 'Low back pain and sciatica in over 16s (NG59)', publisher: { '@type': 'Organization', name: 'NICE' } },
      ],
    })
  })

  it('claims no review when there is no reviewer', () => {
    const unreviewed = medicalWebPage({ ...article, medicalReviewer: null, reviewedAt: null }, `${site}/a`, site)
    expect(unreviewed).not.toHaveProperty('reviewedBy')
    expect(unreviewed).not.toHaveProperty('lastReviewed')
  })
})

describe('conditionPage', () => {
  it('is a patient page about the condition: signs, causes and the massage services as possible treatments', () => {
    const condition = {
      name: 'Sciatica',
      summary: 'Pain along the sciatic nerve.',
      symptoms: [{ symptom: 'Pain down one leg' }, { symptom: 'Tingling' }],
      causes: [{ cause: 'Herniated disc' }],
      relatedServices: [{ id: '1', name: 'Deep tissue massage' }, '2'],
      medicalReviewer: priya,
      reviewedAt: '2026-11-09T12:00:00.000Z',
      updatedAt: '2026-11-20T08:00:00.000Z',
      sources: [{ title: 'Sciatica', publisher: 'NHS' }],
    } as unknown as Condition
    const data = conditionPage(condition, `${site}/conditions/sciatica`, site)
    expectTypeOf(data).toEqualTypeOf<WithContext<MedicalWebPage>>()
    expect(data).toMatchObject({
      '@type': 'MedicalWebPage',
      lastReviewed: '2026-11-09',
      reviewedBy: { name: 'Priya Raman' },
      medicalAudience: { '@type': 'Patient' },
      citation: [{ name: 'Sciatica', publisher: { name: 'NHS' } }],
      about: {
        '@type': 'MedicalCondition',
        name: 'Sciatica',
        signOrSymptom: [
          { '@type': 'MedicalSignOrSymptom', name: 'Pain down one leg' },
          { '@type': 'MedicalSignOrSymptom', name: 'Tingling' },
        ],
        cause: [{ '@type': 'MedicalCause', name: 'Herniated disc' }],
        possibleTreatment: [{ '@type': 'MedicalTherapy', name: 'Deep tissue massage' }],
      },
    })
  })
})

describe('exercisePage', () => {
  it('is a patient page whose main entity is the plan: repetitions, sets, hold time and frequency', () => {
    const exercise = {
      name: 'Hamstring floss',
      summary: 'A nerve glide.',
      targetArea: 'Back of the thigh',
      sets: 2,
      reps: 10,
      holdSeconds: 5,
      frequency: 'Twice a day',
      safetyNotes: 'Never into pain.',
      updatedAt: '2026-11-20T08:00:00.000Z',
    } as unknown as Exercise
    const data = exercisePage(exercise, `${site}/exercises/hamstring-floss`, site)
    expect(data).toMatchObject({ '@type': 'MedicalWebPage', medicalAudience: { '@type': 'Patient' } })
    expect(data.mainEntity).toMatchObject({
      '@type': 'ExercisePlan',
      name: 'Hamstring floss',
      exerciseType: 'Back of the thigh',
      repetitions: 10,
      workload: { '@type': 'QuantitativeValue', value: 2, unitText: 'sets' },
      activityDuration: 'PT5S',
      activityFrequency: 'Twice a day',
    })
  })
})

describe('faqPage', () => {
  const items = [
    { question: 'Does massage hurt?', answer: 'It should not. Tell your therapist if it does.' },
    { question: 'How long is a visit?', answer: 'Sixty or ninety minutes.' },
  ]
  const data = faqPage(items)

  it('is typed as a schema.org FAQPage', () => {
    expectTypeOf(data).toEqualTypeOf<WithContext<FAQPage>>()
  })

  it('has what Google’s FAQ rich result requires: mainEntity Questions, each with a name and an acceptedAnswer text', () => {
    expect(data['@type']).toBe('FAQPage')
    expect(data.mainEntity).toEqual([
      { '@type': 'Question', name: 'Does massage hurt?', acceptedAnswer: { '@type': 'Answer', text: 'It should not. Tell your therapist if it does.' } },
      { '@type': 'Question', name: 'How long is a visit?', acceptedAnswer: { '@type': 'Answer', text: 'Sixty or ninety minutes.' } },
    ])
  })
})

describe('person and teamPeople', () => {
  it('gives each team member a job title, letters after the name and clinical credentials', () => {
    const [first, second] = teamPeople([hannah, priya], site)
    expect(first).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      '@id': `${site}/team#hannah-lindqvist`,
      name: 'Hannah Lindqvist',
      jobTitle: 'Registered massage therapist',
      honorificSuffix: 'RMT',
      url: `${site}/team#hannah-lindqvist`,
    })
    expect(second).toMatchObject({
      hasCredential: [
        {
          '@type': 'EducationalOccupationalCredential',
          name: 'Registered physiotherapist',
          credentialCategory: 'license',
          recognizedBy: { '@type': 'Organization', name: 'Physiotherapy regulator' },
        },
      ],
    })
  })
})

describe('webSite', () => {
  it('describes the site and takes extra properties, such as a search action', () => {
    const data = webSite('Willowbank', site, {
      potentialAction: { '@type': 'SearchAction', target: `${site}/search?q={query}` },
    })
    expect(data).toMatchObject({ '@type': 'WebSite', name: 'Willowbank', url: site, potentialAction: { '@type': 'SearchAction' } })
  })
})

describe('schema-dts guards the builders', () => {
  it('rejects a property schema.org does not define for the type, or a value of the wrong kind', () => {
    // @ts-expect-error: `repetitions` is a number or a QuantitativeValue, not text
    const wrongValue: ExercisePlan = { '@type': 'ExercisePlan', repetitions: 'ten' }
    // @ts-expect-error: a MedicalWebPage has no `reviewer` (schema.org calls it `reviewedBy`)
    const wrongProperty: MedicalWebPage = { '@type': 'MedicalWebPage', reviewer: 'Priya' }
    expect([wrongValue, wrongProperty]).toHaveLength(2)
  })
})

describe('service', () => {
  it('has one offer per duration, priced in the clinic currency', () => {
    const doc = { name: 'Swedish massage', summary: 'Relaxing.', durations: [{ minutes: 60, price: 110 }, { minutes: 90, price: 155.5 }] } as unknown as Service
    const data = service(doc, `${site}/services/swedish-massage`, site, 'CAD')
    expect(data).toMatchObject({ '@type': 'Service', name: 'Swedish massage', provider: { '@id': `${site}/#clinic` } })
    expect(data.offers).toEqual([
      { '@type': 'Offer', name: '60 minutes', price: '110.00', priceCurrency: 'CAD', url: `${site}/services/swedish-massage` },
      { '@type': 'Offer', name: '90 minutes', price: '155.50', priceCurrency: 'CAD', url: `${site}/services/swedish-massage` },
    ])
  })
})

describe('breadcrumbList', () => {
  it('numbers the trail from the home page with absolute URLs', () => {
    expect(breadcrumbList([{ name: 'Home', path: '/' }, { name: 'Articles', path: '/articles' }], site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: site },
        { '@type': 'ListItem', position: 2, name: 'Articles', item: `${site}/articles` },
      ],
    })
  })
})

describe('serializeJsonLd', () => {
  it('cannot be used to close the script tag it sits in', () => {
    const data = { '@context': 'https://schema.org', '@type': 'Thing', name: '</script><script>alert(1)</script>' } as const
    const out = serializeJsonLd(data)
    expect(out).not.toContain('</script>')
    expect(JSON.parse(out)).toEqual(data)
  })
})

describe('siteSearchAction', () => {
  it('tells search engines where the site search is', async () => {
    const { siteSearchAction, webSite } = await import('./json-ld')
    const data = webSite('Clinic', 'https://clinic.example', { potentialAction: siteSearchAction('https://clinic.example') })
    expect(data['@type']).toBe('WebSite')
    expect(data.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://clinic.example/search?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    })
  })
})
