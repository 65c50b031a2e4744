import type { Article, Condition, Exercise, Service, SiteSetting, Team } from '@clinic/cms-types'
import { describe, expect, it } from 'vitest'
import {
  breadcrumbList,
  exercisePlan,
  healthAndBeautyBusiness,
  medicalCondition,
  medicalWebPage,
  serializeJsonLd,
  service,
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
const priya = { id: '2', name: 'Priya Raman', jobTitle: 'Physiotherapist', credentials: 'PT', slug: 'priya-raman' } as unknown as Team

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
    expect(data.openingHoursSpecification).toEqual([
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

describe('medicalWebPage', () => {
  const article = {
    id: '1',
    title: 'Sciatica and massage',
    excerpt: 'What helps and why.',
    author: hannah,
    medicalReviewer: priya,
    reviewedAt: '2026-11-10T12:00:00.000Z',
    publishedAt: '2026-11-12T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    conditions: [{ id: '5', name: 'Sciatica' }],
  } as unknown as Article

  it('names the medical reviewer and the date of the review', () => {
    const data = medicalWebPage(article, `${site}/articles/x`, site, `${site}/og.jpg`)
    expect(data).toMatchObject({
      '@type': 'MedicalWebPage',
      url: `${site}/articles/x`,
      headline: 'Sciatica and massage',
      lastReviewed: '2026-11-10',
      reviewedBy: { '@type': 'Person', name: 'Priya Raman', hasCredential: 'PT' },
      author: { '@type': 'Person', name: 'Hannah Lindqvist' },
      about: [{ '@type': 'MedicalCondition', name: 'Sciatica' }],
      image: `${site}/og.jpg`,
      datePublished: '2026-11-12T08:00:00.000Z',
    })
  })

  it('claims no review when there is no reviewer', () => {
    const data = medicalWebPage({ ...article, medicalReviewer: null, reviewedAt: null }, `${site}/a`, site)
    expect(data).not.toHaveProperty('reviewedBy')
    expect(data).not.toHaveProperty('lastReviewed')
  })
})

describe('medicalCondition', () => {
  it('lists signs, causes and the massage services as possible treatments', () => {
    const condition = {
      name: 'Sciatica',
      summary: 'Pain along the sciatic nerve.',
      symptoms: [{ symptom: 'Pain down one leg' }, { symptom: 'Tingling' }],
      causes: [{ cause: 'Herniated disc' }],
      relatedServices: [{ id: '1', name: 'Deep tissue massage' }, '2'],
    } as unknown as Condition
    const data = medicalCondition(condition, `${site}/conditions/sciatica`)
    expect(data).toMatchObject({
      '@type': 'MedicalCondition',
      name: 'Sciatica',
      signOrSymptom: [
        { '@type': 'MedicalSignOrSymptom', name: 'Pain down one leg' },
        { '@type': 'MedicalSignOrSymptom', name: 'Tingling' },
      ],
      cause: [{ '@type': 'MedicalCause', name: 'Herniated disc' }],
      possibleTreatment: [{ '@type': 'MedicalTherapy', name: 'Deep tissue massage' }],
    })
  })
})

describe('exercisePlan', () => {
  it('carries repetitions, hold time and frequency', () => {
    const exercise = {
      name: 'Hamstring floss',
      summary: 'A nerve glide.',
      targetArea: 'Back of the thigh',
      sets: 2,
      reps: 10,
      holdSeconds: 5,
      frequency: 'Twice a day',
      safetyNotes: 'Never into pain.',
    } as unknown as Exercise
    expect(exercisePlan(exercise, `${site}/exercises/hamstring-floss`)).toMatchObject({
      '@type': 'ExercisePlan',
      name: 'Hamstring floss',
      exerciseType: 'Back of the thigh',
      repetitions: 10,
      workload: '2 sets',
      restPeriods: 'PT5S',
      activityFrequency: 'Twice a day',
    })
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
    const out = serializeJsonLd({ '@type': 'Thing', name: '</script><script>alert(1)</script>' })
    expect(out).not.toContain('</script>')
    expect(JSON.parse(out)).toEqual({ '@type': 'Thing', name: '</script><script>alert(1)</script>' })
  })
})

describe('webSite', () => {
  it('tells search engines where the site search is', async () => {
    const { webSite } = await import('./json-ld')
    const data = webSite('Clinic', 'https://clinic.example')
    expect(data['@type']).toBe('WebSite')
    expect(data.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://clinic.example/search?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    })
  })
})
