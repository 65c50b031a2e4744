import readability from 'text-readability'

/** The grade health content is written for: most adults read comfortably at grade 9 or lower. */
export const targetReadingGrade = 9

type LexicalNode = { type?: unknown; text?: unknown; children?: unknown; fields?: unknown }

const blockTypes = new Set(['paragraph', 'heading', 'listitem', 'quote'])
const proseFields = new Set(['title', 'body', 'note', 'heading', 'text', 'question', 'answer'])

/** Ends a unit of text as a sentence, so a heading or list item is not run into the next one. */
function asSentence(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').trim()
  if (!trimmed) return ''
  return /[.?!:;]["')\]]*$/.test(trimmed) ? trimmed.replace(/[:;]$/, '.') : `${trimmed}.`
}

function collectUnits(node: unknown, out: string[]): void {
  if (!node || typeof node !== 'object') return
  const { type, text, children, fields } = node as LexicalNode
  if (typeof text === 'string') {
    out.push(text)
    return
  }
  if (type === 'block' && fields && typeof fields === 'object') {
    // Callouts and embed notes carry their words in string fields (not their tone or ids).
    for (const [key, value] of Object.entries(fields)) {
      if (proseFields.has(key) && typeof value === 'string') out.push('\n' + value + '\n')
    }
    return
  }
  if (!Array.isArray(children)) return
  if (typeof type === 'string' && blockTypes.has(type)) {
    const inner: string[] = []
    for (const child of children) collectUnits(child, inner)
    out.push('\n' + inner.join('') + '\n')
    return
  }
  for (const child of children) collectUnits(child, out)
}

/** The visitor-facing text of a rich-text value, one sentence-ended unit per paragraph, heading, list item or block. */
export function richTextSentences(richText: unknown): string[] {
  const root = (richText as { root?: unknown } | null | undefined)?.root
  const parts: string[] = []
  collectUnits(root, parts)
  return parts
    .join('')
    .split(/\n+/)
    .map(asSentence)
    .filter(Boolean)
}

/** A piece of a document to grade: plain text (a summary, a step) or a Lexical rich-text value. */
export type ReadablePart = string | null | undefined | { root?: unknown }

/**
 * The Flesch–Kincaid grade of the given parts, worked out by `text-readability`; undefined when
 * there are no words. Each plain string and each paragraph, heading or list item counts as at
 * least one sentence.
 */
export function fleschKincaidGrade(parts: ReadablePart[]): number | undefined {
  const sentences = parts.flatMap((part) => {
    if (!part) return []
    if (typeof part === 'string') return part.split(/\n+/).map(asSentence).filter(Boolean)
    return richTextSentences(part)
  })
  const text = sentences.join(' ')
  const words = readability.lexiconCount(text)
  if (words === 0) return undefined
  // `readability.fleschKincaidGrade(text)`, with the syllables counted per sentence and remembered:
  // counting them is nearly all its cost (~8 ms on the flagship article, on every save and autosave,
  // before a publish reaches the site), and a save changes a sentence or two. The sum over sentences
  // joined by spaces is the count of the whole text (syllables are counted word by word).
  const syllables = sentences.reduce((sum, sentence) => sum + syllablesIn(sentence), 0)
  const grade = 0.39 * readability.averageSentenceLength(text) + 11.8 * roundTo(syllables / words, 1) - 15.59
  return Math.round(roundTo(grade, 1) * 10) / 10
}

/** Rounds half away from zero, as text-readability does (its `Math.legacyRound`). */
function roundTo(value: number, points: number): number {
  const p = 10 ** points
  return Math.floor(value * p + (value < 0 ? -0.5 : value > 0 ? 0.5 : 0)) / p
}

const knownSyllables = new Map<string, number>()
/** How many sentences' counts are kept: a few long articles' worth; then it starts again. */
const knownSyllablesLimit = 20_000

/** The syllables of one sentence (text-readability's count), remembered. */
export function syllablesIn(sentence: string): number {
  let count = knownSyllables.get(sentence)
  if (count === undefined) {
    count = readability.syllableCount(sentence)
    if (knownSyllables.size >= knownSyllablesLimit) knownSyllables.clear()
    knownSyllables.set(sentence, count)
  }
  return count
}
