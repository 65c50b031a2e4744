import type { CalloutBlock } from '@clinic/cms-types'

const toneLabels = { info: 'Good to know', warning: 'Take care', 'red-flag': 'See a doctor' } as const

/** A highlighted note in an article; red flags are the strongest. */
export function Callout({ block }: { block: CalloutBlock }) {
  return (
    <aside className={`callout callout--${block.tone}`} aria-label={block.title ?? toneLabels[block.tone]}>
      <p className="callout__title">{block.title ?? toneLabels[block.tone]}</p>
      {block.body.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </aside>
  )
}
