import type { FaqBlock } from '@clinic/cms-types'
import { JsonLdScript } from '@/components/JsonLdScript'
import { faqPage } from '@/lib/seo/json-ld'

/** Questions and answers; native disclosure widgets, so no JavaScript is needed. */
export function Faq({ block }: { block: FaqBlock }) {
  const items = block.items ?? []
  if (items.length === 0) return null
  return (
    <section className="section faq">
      {block.heading ? <h2>{block.heading}</h2> : null}
      {items.map((item, index) => (
        <details key={item.id ?? index}>
          <summary>{item.question}</summary>
          {item.answer.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </details>
      ))}
      <JsonLdScript data={faqPage(items)} />
    </section>
  )
}
