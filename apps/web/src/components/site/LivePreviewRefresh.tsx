'use client'

import { lazy, Suspense } from 'react'

// A chunk of its own, fetched only when rendered (an editor's preview): published pages carry this
// small loader, not the listener or Payload's live preview library. React.lazy rather than
// next/dynamic, whose loader code would add to every page.
const LivePreviewListener = lazy(() => import('./LivePreviewListener').then((module) => ({ default: module.LivePreviewListener })))

/** Refreshes the page when the CMS saves the previewed document (Live Preview); draft mode only. */
export function LivePreviewRefresh({ cmsOrigin }: { cmsOrigin: string }) {
  return (
    <Suspense fallback={null}>
      <LivePreviewListener cmsOrigin={cmsOrigin} />
    </Suspense>
  )
}
