import { describe, expect, it } from 'vitest'
import { buildSearchIndex, excerpt, highlight, normaliseQuery, runSearch, synonymsFor, type SearchDocument, type SynonymGroup } from './engine'

// A small corpus shaped like the clinic's content: a condition hub, exercises, services, an
// article, a page. Written for this test.
const doc = (type: SearchDocument['type'], slug: string, title: string, summary: string, body = ''): SearchDocument => ({
  id: `${type}:${slug}`,
  type,
  title,
  summary,
  body,
  url: `/${type}/${slug}`,
})

const corpus: SearchDocument[] = [
  doc(
    'conditions',
    'sciatica',
    'Sciatica',
    'Pain that travels from the lower back down the back of the leg, along the sciatic nerve.',
    'The sciatic nerve runs from the lower spine through the buttock and down each leg. When something presses on it, pain, tingling or numbness can follow.',
  ),
  doc('exercises', 'hip-flexor-stretch', 'Kneeling hip flexor stretch', 'Opens the front of the hip after long hours of sitting.', 'Kneel on one knee and shift your weight forward.'),
  doc('exercises', 'glute-stretch', 'Figure-four glute stretch', 'Eases a tight buttock muscle that can press on the nerve.', 'Lie on your back and cross one ankle over the other knee.'),
  doc('exercises', 'hamstring-floss', 'Hamstring floss', 'Glides the nerve behind the thigh without stretching it.', 'Sit tall and straighten the knee slowly.'),
  doc('services', 'deep-tissue-massage', 'Deep tissue massage', 'Slow, firm pressure for long-standing tension.', 'Useful for people with sciatica when tight muscles around the hip are involved.'),
  doc('services', 'swedish-massage', 'Swedish massage', 'Long, gentle strokes to relax the whole body.', 'A good first massage.'),
  doc(
    'articles',
    'desk-day-habits',
    'Desk-day habits for a sore lower back',
    'Small changes to how you sit and move through a working day.',
    'Stand up every half hour. A few stretches at your desk help: try the hip flexor stretch at lunchtime. Nerve pain deserves a check-up.',
  ),
  doc('pages', 'about', 'About the clinic', 'Who we are and how we work.', 'Our therapists treat back pain, neck pain and stress.'),
]

const synonyms: SynonymGroup[] = [['sciatica', 'pinched nerve', 'sciatic pain']]

const index = buildSearchIndex(corpus)
const first = (query: string) => runSearch(index, normaliseQuery(query), { synonyms }).hits[0]?.document.id

// The relevance set: each query a visitor might type, and the result that must come first.
const relevanceSet: [query: string, expectedFirst: string][] = [
  ['sciatica', 'conditions:sciatica'],
  ['siatica', 'conditions:sciatica'], // a typo
  ['Sciatca', 'conditions:sciatica'], // another typo, with a capital
  ['pinched nerve', 'conditions:sciatica'], // a synonym staff manage in the CMS
  ['stretc', 'exercises:hip-flexor-stretch'], // a prefix: a stretch exercise comes first (title match)
  ['stretches', 'exercises:hip-flexor-stretch'], // a word form
  ['hamstring', 'exercises:hamstring-floss'],
  ['deep tissue', 'services:deep-tissue-massage'],
  ['swedish', 'services:swedish-massage'],
  ['desk habits', 'articles:desk-day-habits'],
  ['about clinic', 'pages:about'],
]

describe('search relevance set', () => {
  it.each(relevanceSet)('"%s" finds %s first', (query, expected) => {
    expect(first(query)).toBe(expected)
  })

  it('ranks a title match above a body match', () => {
    // "stretch" is in the article's body and in the exercises' titles: the exercises come first.
    const ids = runSearch(index, 'stretch').hits.map((hit) => hit.document.id)
    expect(ids.indexOf('articles:desk-day-habits')).toBeGreaterThan(ids.indexOf('exercises:glute-stretch'))
    expect(ids.indexOf('articles:desk-day-habits')).toBeGreaterThan(ids.indexOf('exercises:hip-flexor-stretch'))
    // The deep tissue page mentions sciatica in its body only: the hub, titled Sciatica, is above it.
    const sciatica = runSearch(index, 'sciatica').hits.map((hit) => hit.document.id)
    expect(sciatica.indexOf('conditions:sciatica')).toBeLessThan(sciatica.indexOf('services:deep-tissue-massage'))
  })

  it('a stretch exercise is among the results for "stretc", the prefix of the word', () => {
    const types = runSearch(index, 'stretc').hits.map((hit) => hit.document.type)
    expect(types[0]).toBe('exercises')
  })

  it('finds nothing for words that are nowhere', () => {
    expect(runSearch(index, 'zebra').total).toBe(0)
    expect(runSearch(index, '').total).toBe(0)
  })
})

describe('query bounds', () => {
  it('cuts long queries and ignores punctuation and markup', () => {
    expect(normaliseQuery('<b>sciatica</b>!!')).toBe('b sciatica b')
    expect(normaliseQuery('x'.repeat(500)).length).toBeLessThanOrEqual(100)
    expect(normaliseQuery(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')).split(' ')).toHaveLength(10)
    expect(normaliseQuery(['first', 'second'])).toBe('first')
    expect(normaliseQuery(undefined)).toBe('')
  })

  it('clamps the page to what exists', () => {
    expect(runSearch(index, 'stretch', { page: 999, perPage: 1 }).page).toBe(runSearch(index, 'stretch', { perPage: 1 }).pageCount)
    expect(runSearch(index, 'stretch', { page: -3 }).page).toBe(1)
  })
})

describe('synonyms', () => {
  it('adds the other phrases of a group the query names', () => {
    expect(synonymsFor('my pinched nerve', synonyms)).toEqual(['sciatica', 'sciatic pain'])
    expect(synonymsFor('pinched', synonyms)).toEqual([])
    expect(synonymsFor('sciatica', synonyms)).toEqual(['pinched nerve', 'sciatic pain'])
  })
})

describe('highlight and excerpt', () => {
  it('marks every form of a matched word and nothing else', () => {
    const segments = highlight('Stretches and a stretch <b>', ['stretch'])
    expect(segments).toEqual([
      { text: 'Stretches', match: true },
      { text: ' and a ', match: false },
      { text: 'stretch', match: true },
      { text: ' <b>', match: false },
    ])
  })

  it('shows the passage around the first matched word', () => {
    const hit = runSearch(index, 'lunchtime').hits[0]!
    expect(excerpt(hit.document, hit.matchedTerms, 8)).toContain('lunchtime')
  })
})
