'use client'
import { useState } from 'react'

type Props = {
  /** The CMS endpoint that retries (POSTed to, with the staff member's session). */
  endpoint: string
  label: string
  /** Shown when the endpoint answers without a message of its own. */
  doneMessage: string
  className?: string
}

/**
 * Retries something that failed (a scheduled publish, a booking email): says what happened, in the
 * endpoint's words, then reloads the view so it shows the new state.
 */
export function RetryButton({ endpoint, label, doneMessage, className }: Props) {
  const [state, setState] = useState<{ busy: boolean; message?: string; ok?: boolean }>({ busy: false })
  const retry = async () => {
    setState({ busy: true })
    try {
      const response = await fetch(endpoint, { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
      if (response.ok) {
        setState({ busy: false, ok: true, message: body.message ?? doneMessage })
        window.setTimeout(() => window.location.reload(), 1500)
      } else setState({ busy: false, ok: false, message: body.errors?.[0]?.message ?? `The retry failed (${response.status}).` })
    } catch {
      setState({ busy: false, ok: false, message: 'The CMS could not be reached. Try again.' })
    }
  }
  return (
    <span className={className}>
      <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: '0.25rem 0' }} onClick={() => void retry()} disabled={state.busy || state.ok}>
        {state.busy ? 'Retrying…' : label}
      </button>
      {state.message ? <span role={state.ok ? 'status' : 'alert'}> {state.message}</span> : null}
    </span>
  )
}
