import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import { stemmer } from 'stemmer'

/**
 * The site's search engine: an in-process MiniSearch index over published content.
 *
 * Why MiniSearch rather than a search server or Payload's search plugin: a clinic site holds
 * hundreds of documents, at most some thousands; an index of that size builds in milliseconds
 * and answers in well under one (see `pnpm bench`), with typo tolerance, prefixes and field
 * boosts built in, and no server to run. It is built from the same published reads, under the
 * same cache tags, as every page, so it can only hold what an anonymous reader can read, and a
 * publish, unpublish, delete or slug change reaches it exactly as it reaches the pages.
 *
 * This module is pure (no Next.js, no network): the relevance tests and the benchmark use it as is.
 */

export const searchTypes = ['conditions', 'services', 'exercises', 'articles', 'pages', 'team'] as const
export type SearchType = (typeof searchTypes)[number]

/** One published document, flattened to text. */
export interface SearchDocument {
  /** `${type}:${id}`: unique across collections. */
  id: string
  type: SearchType
  title: string
  summary: string
  body: string
  url: string
}

/** A group of words staff consider the same thing ("sciatica, pinched nerve, sciatic pain"). */
export type SynonymGroup = string[]

export interface SearchHit {
  document: SearchDocument
  score: number
  /** Processed (stemmed) forms of the words that matched: feed them to `highlight`. */
  matchedTerms: string[]
}

export interface SearchPage {
  hits: SearchHit[]
  total: number
  page: number
  pageCount: number
  /** The words searched for once synonyms were added, for display ("also searched for …"). */
  addedSynonyms: string[]
}

export const maxQueryLength = 100
export const maxPage = 50
const maxTerms = 10

const stopWords = new Set(
  'a an and are as at be but by for from has have how i if in into is it its my of on or our so than that the their then there these they this to was we what when where which who why will with you your'.split(
    ' ',
  ),
)

/** Splits text into words (letters and digits, any script). */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
}

// Words repeat (a corpus of 10,000 documents has a few tens of thousands of distinct words), so each
// is processed once: indexing is several times faster. Bounded, so odd input cannot grow it forever.
const processed = new Map<string, string | null>()
const maxProcessed = 200_000

/** Lower case, accents off, stop words out, word endings off ("stretches" → "stretch"). */
export function processTerm(term: string): string | null {
  const known = processed.get(term)
  if (known !== undefined) return known
  const result = processUncached(term)
  if (processed.size >= maxProcessed) processed.clear()
  processed.set(term, result)
  return result
}

function processUncached(term: string): string | null {
  const word = term
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
  if (word.length === 0 || stopWords.has(word)) return null
  return word.length > 3 ? stemmer(word) : word
}

const fieldBoosts = { title: 4, summary: 1.5, body: 1 }

/** Builds the index. */
export function buildSearchIndex(documents: SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>({
    fields: ['title', 'summary', 'body'],
    storeFields: ['type', 'title', 'summary', 'body', 'url'],
    tokenize,
    processTerm,
    searchOptions: { boost: fieldBoosts },
  })
  index.addAll(documents)
  return index
}

/** Cuts a visitor's query to a bounded size: so many characters, so many words. */
export function normaliseQuery(raw: string | string[] | undefined): string {
  const text = (Array.isArray(raw) ? raw[0] : raw) ?? ''
  return tokenize(text.slice(0, maxQueryLength)).slice(0, maxTerms).join(' ')
}

const phraseOf = (text: string): string => tokenize(text).map((word) => processTerm(word) ?? word).join(' ')

/** The synonyms to add to a query: every other member of a group one of whose phrases the query contains. */
export function synonymsFor(query: string, groups: SynonymGroup[]): string[] {
  const processed = ` ${phraseOf(query)} `
  const added = new Set<string>()
  for (const group of groups) {
    const phrases = group.map((phrase) => phrase.trim()).filter(Boolean)
    if (phrases.some((phrase) => processed.includes(` ${phraseOf(phrase)} `))) {
      for (const phrase of phrases) if (!processed.includes(` ${phraseOf(phrase)} `)) added.add(phrase)
    }
  }
  return [...added]
}

const termOptions = {
  // Typos: one edit in words of four or more letters, two in words of nine or more.
  fuzzy: (term: string) => (term.length >= 9 ? 2 : term.length >= 4 ? 1 : 0),
  // Prefixes: "stretc" finds "stretch"; only from three letters, so "a" does not match everything.
  prefix: (term: string) => term.length >= 3,
  // A typo or a prefix counts less than the word itself.
  weights: { fuzzy: 0.3, prefix: 0.5 },
}

/** Runs a query (already normalised) against the index and returns one page of hits. */
export function runSearch(
  index: MiniSearch<SearchDocument>,
  query: string,
  { page = 1, perPage = 10, synonyms = [] }: { page?: number; perPage?: number; synonyms?: SynonymGroup[] } = {},
): SearchPage {
  const addedSynonyms = synonymsFor(query, synonyms)
  const queries: Query[] = [{ queries: [query], combineWith: 'OR', ...termOptions }]
  // A synonym stands for the phrase the visitor typed: all its words must match, and a match counts
  // as much as the visitor's own words.
  for (const phrase of addedSynonyms) queries.push({ queries: [phrase], combineWith: 'AND', ...termOptions })
  const results: SearchResult[] = query ? index.search({ queries, combineWith: 'OR' }) : []
  const pageCount = Math.max(1, Math.ceil(results.length / perPage))
  const current = Math.min(Math.max(1, Math.trunc(page)), maxPage, pageCount)
  const hits = results.slice((current - 1) * perPage, current * perPage).map((result) => ({
    document: {
      id: String(result.id),
      type: result.type as SearchType,
      title: result.title as string,
      summary: result.summary as string,
      body: result.body as string,
      url: result.url as string,
    },
    score: result.score,
    matchedTerms: result.terms,
  }))
  return { hits, total: results.length, page: current, pageCount: Math.min(pageCount, maxPage), addedSynonyms }
}

/** A piece of text, marked when it is one of the matched words. */
export interface TextSegment {
  text: string
  match: boolean
}

/** Splits `text` into segments, marking the words whose processed form is in `matchedTerms`. */
export function highlight(text: string, matchedTerms: string[]): TextSegment[] {
  const terms = new Set(matchedTerms)
  const segments: TextSegment[] = []
  let last = 0
  for (const found of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const processed = processTerm(found[0])
    if (!processed || !terms.has(processed)) continue
    if (found.index > last) segments.push({ text: text.slice(last, found.index), match: false })
    segments.push({ text: found[0], match: true })
    last = found.index + found[0].length
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false })
  return mergeAdjacent(segments)
}

function mergeAdjacent(segments: TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = []
  for (const segment of segments) {
    const previous = merged.at(-1)
    if (previous && previous.match === segment.match && !segment.match) previous.text += segment.text
    else merged.push({ ...segment })
  }
  return merged
}

/**
 * A short passage (about `words` words) of the summary or body around the first matched word,
 * so the visitor sees why the result came up. Falls back to the start of the summary.
 */
export function excerpt(document: SearchDocument, matchedTerms: string[], words = 32): string {
  const terms = new Set(matchedTerms)
  for (const text of [document.summary, document.body]) {
    const tokens = text.split(/\s+/).filter(Boolean)
    const at = tokens.findIndex((token) => {
      const word = tokenize(token)[0]
      const processed = word ? processTerm(word) : null
      return processed !== null && terms.has(processed)
    })
    if (at === -1) continue
    const start = Math.max(0, at - Math.floor(words / 3))
    const passage = tokens.slice(start, start + words).join(' ')
    return `${start > 0 ? '… ' : ''}${passage}${start + words < tokens.length ? ' …' : ''}`
  }
  const tokens = document.summary.split(/\s+/).filter(Boolean)
  return tokens.slice(0, words).join(' ') + (tokens.length > words ? ' …' : '')
}
