'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

/**
 * Inside the admin's Live Preview frame, re-renders the page (on the server, in draft mode) each
 * time the CMS saves the document, autosaves included. `cmsOrigin` is the only origin whose
 * messages are obeyed. Loaded through LivePreviewRefresh, in its own chunk.
 */
export function LivePreviewListener({ cmsOrigin }: { cmsOrigin: string }) {
  const router = useRouter()
  const [framed, setFramed] = useState(false)
  // Only in a frame (or a window the admin opened): elsewhere there is nobody to talk to.
  useEffect(() => setFramed(window.parent !== window || Boolean(window.opener)), [])
  if (!framed) return null
  return <RefreshRouteOnSave refresh={() => router.refresh()} serverURL={cmsOrigin} />
}
