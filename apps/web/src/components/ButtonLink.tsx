import { Link } from '@/components/Link'
import type { ReactNode } from 'react'
import { isExternal } from '@/lib/links'

/** A link styled as a button; site paths and other addresses alike are plain anchors (see Link). */
export function ButtonLink({ href, children, variant = 'primary' }: { href: string; children: ReactNode; variant?: 'primary' | 'secondary' }) {
  const className = `button button--${variant}`
  if (isExternal(href)) {
    return (
      <a className={className} href={href}>
        {children}
      </a>
    )
  }
  return (
    <Link className={className} href={href}>
      {children}
    </Link>
  )
}
