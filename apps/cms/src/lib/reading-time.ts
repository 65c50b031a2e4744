/** Words an adult reads in a minute of health content; a common planning figure. */
const wordsPerMinute = 200

type LexicalNode = { text?: unknown; children?: unknown; fields?: unknown }

function collectText(node: unknown, out: string[]): void {
  if (!node || typeof node !== 'object') return
  const { text, children, fields } = node as LexicalNode
  if (typeof text === 'string') out.push(text)
  if (Array.isArray(children)) for (const child of children) collectText(child, out)
  // Block nodes (callouts) carry their words in `fields`.
  if (fields && typeof fields === 'object') {
    for (const value of Object.values(fields)) if (typeof value === 'string' && /\s/.test(value)) out.push(value)
  }
}

/** Counts the words of a Lexical rich-text value, including callout text. */
export function countWords(richText: unknown): number {
  const root = (richText as { root?: unknown } | null | undefined)?.root
  const parts: string[] = []
  collectText(root, parts)
  return parts.join(' ').split(/\s+/).filter(Boolean).length
}

/** Minutes to read, rounded up; at least one minute for any text at all. */
export function readingTimeMinutes(richText: unknown, extraWords = 0): number {
  const words = countWords(richText) + extraWords
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / wordsPerMinute))
}
