import type { CalloutBlock } from '@clinic/cms-types'
import { RedFlags } from '@/components/health/RedFlags'

const toneLabels = { info: 'Good to know', warning: 'Take care', 'red-flag': 'When to see a doctor' } as const

/** A highlighted note in an article; red flags are rendered by the one red-flags component. */
export function Callout({ block }: { block: CalloutBlock }) {
  const paragraphs = block.body.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{paragraph}</p>)
  if (block.tone === 'red-flag') {
    return (
      <RedFlags id={`red-flags-${block.id ?? 'callout'}`} title={block.title ?? toneLabels['red-flag']}>
        {paragraphs}
      </RedFlags>
    )
  }
  return (
    <aside className={`callout callout--${block.tone}`} aria-label={block.title ?? toneLabels[block.tone]}>
      <p className="callout__title">{block.title ?? toneLabels[block.tone]}</p>
      {paragraphs}
    </aside>
  )
}
