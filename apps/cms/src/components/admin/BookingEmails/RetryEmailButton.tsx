'use client'
import { useState } from 'react'

/** "Retry now" for a failed booking email (POST /api/booking-emails/:id/:kind/retry); says what happened, then reloads. */
export function RetryEmailButton({ requestId, kind }: { requestId: string; kind: string }) {
  const [state, setState] = useState<{ busy: boolean; message?: string; ok?: boolean }>({ busy: false })
  const retry = async () => {
    setState({ busy: true })
    try {
      const response = await fetch(`/api/booking-emails/${encodeURIComponent(requestId)}/${encodeURIComponent(kind)}/retry`, { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
      if (response.ok) {
        setState({ busy: false, ok: true, message: body.message ?? 'Sent.' })
        window.setTimeout(() => window.location.reload(), 1500)
      } else setState({ busy: false, ok: false, message: body.errors?.[0]?.message ?? `The retry failed (${response.status}).` })
    } catch {
      setState({ busy: false, ok: false, message: 'The CMS could not be reached. Try again.' })
    }
  }
  return (
    <span className="booking-emails__retry">
      <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: '0.25rem 0' }} onClick={() => void retry()} disabled={state.busy || state.ok}>
        {state.busy ? 'Retrying…' : 'Retry now'}
      </button>
      {state.message ? <span role={state.ok ? 'status' : 'alert'}> {state.message}</span> : null}
    </span>
  )
}
