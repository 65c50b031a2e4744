import type { ReactNode } from 'react'

type Props<T> = {
  /** The heading's id, which names the section for assistive technology. */
  id: string
  heading: ReactNode
  items: readonly T[]
  /** Renders one card; give it a key. */
  children: (item: T) => ReactNode
  footer?: ReactNode
}

/** A titled grid of cards (related services, exercises, articles); nothing when there are none. */
export function CardSection<T>({ id, heading, items, children, footer }: Props<T>) {
  if (items.length === 0) return null
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <div className="grid">{items.map(children)}</div>
      {footer}
    </section>
  )
}
