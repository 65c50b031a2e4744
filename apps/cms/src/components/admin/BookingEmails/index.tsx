import type { Payload } from 'payload'
import { userIsEditorOrAdmin } from '@/access'
import { describeEmail, emailKinds, type EmailKind, type EmailRecord } from '@/lib/booking-emails'
import { RetryButton } from '../RetryButton'

/**
 * "Emails" in a request's sidebar: for the staff notification and the acknowledgement, whether it
 * was sent, failed (why), is being retried (when, which attempt) or was not sent (why), in plain
 * words; "Retry now" beside a failed one. Read-only: the server writes these (lib/booking-emails).
 */
export async function BookingEmailsField({ payload, id, user }: { payload: Payload; id?: number | string; user?: unknown }) {
  if (id === undefined) return null
  const doc = (await payload.findByID({ collection: 'appointment-requests', id, depth: 0, overrideAccess: true, disableErrors: true })) as {
    emails?: Partial<Record<EmailKind, EmailRecord | null>> | null
  } | null
  if (!doc) return null
  const canRetry = userIsEditorOrAdmin(user as never)
  return (
    <div className="booking-emails field-type" data-booking-emails style={{ marginBottom: '1.5rem' }}>
      <h3 style={{ margin: '0 0 0.5rem', fontSize: '1rem' }}>Emails</h3>
      <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
        {emailKinds.map((kind) => {
          const value = doc.emails?.[kind]
          const failed = value?.status === 'failed' || value?.status === 'retrying'
          return (
            <li key={kind} data-email-kind={kind} data-email-status={value?.status ?? 'unknown'} style={{ marginBottom: '0.5rem' }}>
              <span style={failed ? { color: 'var(--theme-error-500)' } : undefined}>{describeEmail(kind, value)}</span>
              {failed && canRetry ? (
                <>
                  {' '}
                  <RetryButton endpoint={`/api/booking-emails/${encodeURIComponent(String(id))}/${encodeURIComponent(kind)}/retry`} label="Retry now" doneMessage="Sent." className="booking-emails__retry" />
                </>
              ) : null}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
