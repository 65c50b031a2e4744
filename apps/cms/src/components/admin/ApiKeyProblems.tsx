import type { Payload } from 'payload'
import { findUnreadableApiKeys, unreadableKeyMessage } from '@/lib/api-keys'

/**
 * On the service accounts' list and on each account: a warning for every API key the current
 * PAYLOAD_SECRET cannot decrypt (README, "Backup and restore" → PAYLOAD_SECRET).
 */
export async function ApiKeyProblems({ payload, id }: { payload: Payload; id?: number | string }) {
  const unreadable = (await findUnreadableApiKeys(payload)).filter((account) => id === undefined || String(account.id) === String(id))
  if (unreadable.length === 0) return null
  return (
    <div role="alert" className="api-key-problems" style={{ border: '1px solid var(--theme-error-500)', padding: '0.75rem 1rem', margin: '0 0 1rem', borderRadius: 4 }}>
      <strong>{unreadable.length === 1 ? 'An API key no longer works' : `${unreadable.length} API keys no longer work`}</strong>
      <ul style={{ margin: '0.5rem 0 0', paddingLeft: '1.25rem' }}>
        {unreadable.map((account) => (
          <li key={String(account.id)}>{unreadableKeyMessage(account)}</li>
        ))}
      </ul>
    </div>
  )
}

/** Above the list of service accounts. */
export function ApiKeyProblemsList(props: { payload: Payload }) {
  return <ApiKeyProblems payload={props.payload} />
}

/** Above an account's fields (a UI field: nothing stored). */
export function ApiKeyProblemsField(props: { payload: Payload; id?: number | string }) {
  return props.id === undefined ? null : <ApiKeyProblems payload={props.payload} id={props.id} />
}
