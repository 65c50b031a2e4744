import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `pnpm typecheck` checks the whole app (tests included) as its own CI step; not again here.
  typescript: { ignoreBuildErrors: true },
  // The CMS is one of two apps in a monorepo: trace files from the workspace root.
  outputFileTracingRoot: new URL('../../', import.meta.url).pathname,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
