'use client'

import dynamic from 'next/dynamic'

// A chunk of its own, fetched only when rendered (an editor's preview): the shared chunk of every
// published page carries this loader, not the listener or Payload's live preview library.
const LivePreviewListener = dynamic(() => import('./LivePreviewListener').then((module) => module.LivePreviewListener), { ssr: false })

/** Refreshes the page when the CMS saves the previewed document (Live Preview); draft mode only. */
export function LivePreviewRefresh({ cmsOrigin }: { cmsOrigin: string }) {
  return <LivePreviewListener cmsOrigin={cmsOrigin} />
}
