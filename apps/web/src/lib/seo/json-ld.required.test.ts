import type { Article, Condition, Service, SiteSetting, Team } from '@clinic/cms-types'
import { describe, expect, it } from 'vitest'
import { healthAndBeautyBusiness, medicalCondition, medicalWebPage, service } from './json-ld'

/** Properties search engines and the content contract rely on, pinned one by one. */

const site = 'https://clinic.example'
const settings = {
  clinicName: 'Willowbank',
  tagline: 'Unhurried care',
  phone: '1',
  email: 'a@b.c',
  address: { street: 'S', city: 'C', region: 'BC', postalCode: 'P', country: 'CA' },
  openingHours: null,
  socialLinks: null,
} as unknown as SiteSetting

describe('HealthAndBeautyBusiness', () => {
  it('carries the tagline and region when set, and no opening hours when there are none', () => {
    const data = healthAndBeautyBusiness(settings, site) as unknown as Record<string, Record<string, unknown>>
    expect(data.description).toBe('Unhurried care')
    expect(data.address?.addressRegion).toBe('BC')
    expect(data).not.toHaveProperty('openingHoursSpecification')
  })
})

describe('MedicalWebPage', () => {
  const author = { id: 9, name: 'Sam', jobTitle: 'RMT', slug: null } as unknown as Team
  const article = { id: 1, title: 'T', excerpt: 'E', updatedAt: '2026-01-01', author, conditions: [] } as unknown as Article
  it('names the clinic as publisher and links people to the team page (by id when they have no slug)', () => {
    const data = medicalWebPage(article, `${site}/articles/t`, site) as unknown as Record<string, Record<string, unknown>>
    expect(data.publisher).toEqual({ '@id': `${site}/#clinic` })
    expect(data.author).toEqual({ '@type': 'Person', '@id': `${site}/team#9`, name: 'Sam', jobTitle: 'RMT', url: `${site}/team#9` })
    const withSlug = medicalWebPage({ ...article, author: { ...author, slug: 'sam' } } as Article, `${site}/articles/t`, site) as unknown as Record<string, Record<string, unknown>>
    expect(withSlug.author?.url).toBe(`${site}/team#sam`)
  })
})

describe('MedicalCondition', () => {
  it('has no causes when none are given', () => {
    const condition = { id: 1, name: 'N', summary: 'S', symptoms: [{ symptom: 'a' }], causes: null, relatedServices: [] } as unknown as Condition
    expect(medicalCondition(condition, `${site}/conditions/n`)).not.toHaveProperty('cause')
  })
})

describe('Service', () => {
  it('is a massage therapy service', () => {
    const doc = { id: 1, name: 'N', summary: 'S', durations: [{ minutes: 60, price: 90 }] } as unknown as Service
    expect(service(doc, `${site}/services/n`, site, 'CAD')).toMatchObject({ serviceType: 'Massage therapy' })
  })
})
