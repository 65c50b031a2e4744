import { Link } from '@/components/Link'
import type { ReactNode } from 'react'
import { isExternal } from '@/lib/links'

/** A navigation link from the CMS: a site path or another address. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  return isExternal(href) ? <a href={href}>{children}</a> : <Link href={href}>{children}</Link>
}
