import type { RichTextBlock } from '@clinic/cms-types'
import { RichText } from '@/components/rich-text/RichText'

/** A section of free text on a page. */
export function RichTextSection({ block }: { block: RichTextBlock }) {
  return (
    <section className="section">
      <RichText value={block.content} />
    </section>
  )
}
