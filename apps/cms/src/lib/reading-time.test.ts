import { describe, expect, it } from 'vitest'
import { countWords, readingTimeMinutes } from './reading-time'

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] })
const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })

describe('reading time', () => {
  it('counts words across paragraphs and callout blocks', () => {
    const value = doc(paragraph('one two three'), { type: 'block', fields: { blockType: 'callout', body: 'four five' } })
    expect(countWords(value)).toBe(5)
  })

  it('rounds up to whole minutes at 200 words a minute', () => {
    expect(readingTimeMinutes(doc(paragraph('word '.repeat(201))))).toBe(2)
    expect(readingTimeMinutes(doc(paragraph('a few words')))).toBe(1)
  })

  it('is zero for an empty body', () => {
    expect(readingTimeMinutes(undefined)).toBe(0)
    expect(readingTimeMinutes(doc())).toBe(0)
  })
})
