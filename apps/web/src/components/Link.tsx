import type { AnchorHTMLAttributes } from 'react'

/**
 * A link to another page of the site: a plain <a>, rendered on the server.
 *
 * Deliberately not next/link: that is a client component, and with next/image it was the only
 * client JavaScript the content pages shipped (~17 KB gzip with the shims they pull in). The pages
 * are small, static HTML served from cache, so a normal navigation is about as quick as a
 * client-side one, and content pages stay at the framework's own JavaScript.
 */
export function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  )
}
