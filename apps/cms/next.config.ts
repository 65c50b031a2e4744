import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `pnpm typecheck` checks the whole app (tests included) as its own CI step; not again here.
  typescript: { ignoreBuildErrors: true },
  // The CMS is one of two apps in a monorepo: trace files from the workspace root.
  outputFileTracingRoot: new URL('../../', import.meta.url).pathname,
  // The site's draft-mode cookie (`__prerender_bypass`) reaches the CMS when both share a host name
  // (localhost in development, the e2e suite): Next.js would otherwise expire it on every CMS API
  // request as "not mine", ending the editor's preview on the site at the admin's first autosave.
  experimental: { multiZoneDraftMode: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
