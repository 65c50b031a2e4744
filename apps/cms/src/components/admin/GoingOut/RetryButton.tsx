'use client'
import { useState } from 'react'

/** Retries a failed scheduled publish (POST /api/scheduled-publish/:id/retry) and says what happened. */
export function RetryButton({ jobId }: { jobId: string }) {
  const [state, setState] = useState<{ busy: boolean; message?: string; ok?: boolean }>({ busy: false })
  const retry = async () => {
    setState({ busy: true })
    try {
      const response = await fetch(`/api/scheduled-publish/${encodeURIComponent(jobId)}/retry`, { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
      if (response.ok) {
        setState({ busy: false, ok: true, message: body.message ?? 'Done.' })
        window.setTimeout(() => window.location.reload(), 1500)
      } else setState({ busy: false, ok: false, message: body.errors?.[0]?.message ?? `The retry failed (${response.status}).` })
    } catch {
      setState({ busy: false, ok: false, message: 'The CMS could not be reached. Try again.' })
    }
  }
  return (
    <span className="going-out__retry">
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void retry()} disabled={state.busy || state.ok}>
        {state.busy ? 'Retrying…' : 'Retry'}
      </button>
      {state.message ? <span role={state.ok ? 'status' : 'alert'}> {state.message}</span> : null}
    </span>
  )
}
