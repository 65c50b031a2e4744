import type { TestimonialsBlock } from '@clinic/cms-types'

/** Quotes from clients, shared with their permission. */
export function Testimonials({ block }: { block: TestimonialsBlock }) {
  const items = block.items ?? []
  if (items.length === 0) return null
  return (
    <section className="section">
      {block.heading ? <h2>{block.heading}</h2> : null}
      <div className="grid">
        {items.map((item, index) => (
          <figure key={item.id ?? index} className="quote">
            <blockquote>
              <p>{item.quote}</p>
            </blockquote>
            <figcaption>{item.name}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  )
}
