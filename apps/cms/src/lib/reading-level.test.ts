import { describe, expect, it } from 'vitest'
import { fleschKincaidGrade, richTextSentences } from './reading-level'

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
})
