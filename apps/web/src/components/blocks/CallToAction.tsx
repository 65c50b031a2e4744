import type { CallToActionBlock } from '@clinic/cms-types'
import { ButtonLink } from '@/components/ButtonLink'

/** A band asking the visitor to do one thing, usually to book. */
export function CallToAction({ block }: { block: CallToActionBlock }) {
  return (
    <section className="cta">
      <h2>{block.heading}</h2>
      {block.text ? <p>{block.text}</p> : null}
      <ButtonLink href={block.buttonUrl}>{block.buttonLabel}</ButtonLink>
    </section>
  )
}
