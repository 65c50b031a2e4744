import readability from 'text-readability'
import { describe, expect, it } from 'vitest'
import { articles } from '@/seed/content/articles'
import type { Refs } from '@/seed/content/types'
import { fleschKincaidGrade, richTextSentences } from './reading-level'

/** text-readability's own grade of the same sentences, counted in one go (nothing remembered). */
const libraryGrade = (sentences: string[]) => Math.round(readability.fleschKincaidGrade(sentences.join(' ')) * 10) / 10
/** Any id: the seed's builders only need numbers for their relationships. */
const anyIds = new Proxy({}, { get: () => new Proxy({}, { get: () => 1 }) }) as unknown as Refs

const text = (value: string) => ({ type: 'text', text: value })
const node = (type: string, ...children: unknown[]) => ({ type, children })
const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })

describe('reading level', () => {
  it('reads headings, paragraphs, list items and callouts as separate sentences', () => {
    const value = doc(
      node('heading', text('What helps')),
      node('paragraph', text('Walk a little. '), text('Rest when you need to.')),
      node('list', node('listitem', text('Heat')), node('listitem', text('Gentle stretches'))),
      { type: 'block', fields: { blockType: 'callout', tone: 'red-flag', title: 'Get help', body: 'See a doctor if it gets worse' } },
    )
    expect(richTextSentences(value)).toEqual([
      'What helps.',
      'Walk a little. Rest when you need to.',
      'Heat.',
      'Gentle stretches.',
      'Get help.',
      'See a doctor if it gets worse.',
    ])
  })

  it('grades plain words low and dense jargon high', () => {
    const easy = fleschKincaidGrade(['We rub the sore spot. It helps the muscle relax. You can walk home after.'])
    const hard = fleschKincaidGrade([
      'Comprehensive multidisciplinary rehabilitation incorporating neuromuscular re-education demonstrates considerable heterogeneity regarding musculoskeletal outcomes.',
    ])
    expect(easy!).toBeLessThan(4)
    expect(hard!).toBeGreaterThan(16)
  })

  it('has no grade for no words', () => {
    expect(fleschKincaidGrade([undefined, '', doc()])).toBeUndefined()
  })

  it('gives text-readability\'s grade for whole articles, before and after a sentence changes', () => {
    for (const { slug, build } of articles) {
      const article = build(anyIds)
      const body = article.body as { root?: unknown }
      const sentences = [String(article.excerpt ?? ''), ...richTextSentences(body)]
      expect(fleschKincaidGrade([article.excerpt, body]), slug).toBe(libraryGrade(sentences))
      // A save that changes one sentence: the remembered counts of the others still add up.
      const edited = ['Short.', ...sentences.slice(1, -1), 'An entirely different, considerably more complicated closing sentence appears here.']
      expect(fleschKincaidGrade(edited), slug).toBe(libraryGrade(edited))
    }
  })
})
