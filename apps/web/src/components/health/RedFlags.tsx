import type { ReactNode } from 'react'

type Props = {
  /** Unique on the page: the landmark is labelled by its heading. */
  id: string
  title?: string
  /** The warning signs, one per item; or free text (paragraphs) when `flags` is empty. */
  flags?: string[]
  children?: ReactNode
  headingLevel?: 2 | 3
}

/**
 * Red flags: the signs that need a doctor rather than massage. One component everywhere (condition
 * pages, article callouts), always the same: its own labelled landmark and heading, so a screen
 * reader user can jump to it, and a look no other box on the site has. Pages place it before any
 * self-care advice.
 */
export function RedFlags({ id, title = 'When to see a doctor', flags = [], children, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const headingId = `${id}-heading`
  return (
    <section id={id} className="red-flags" aria-labelledby={headingId}>
      <Heading id={headingId} className="red-flags__title">
        <span className="red-flags__icon" aria-hidden="true">
          !
        </span>
        {title}
      </Heading>
      {flags.length > 0 ? (
        <ul className="red-flags__list">
          {flags.map((flag, index) => (
            <li key={index}>{flag}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  )
}
