import { createHmac } from 'node:crypto'
import type { Payload } from 'payload'

/**
 * Service accounts whose API key the current PAYLOAD_SECRET cannot read: Payload stores each key
 * encrypted with the secret and looks it up by an HMAC made with it, so after a restore or a
 * rotation with another secret the key silently stops working (the site's booking form gets a
 * 403). Reported at start (lib/on-init) and in the admin (components/admin/ApiKeyProblems).
 */
export interface UnreadableKey {
  id: number | string
  name: string
}

type RawAccount = { id: number | string; name?: string; enableAPIKey?: boolean | null; apiKey?: string | null; apiKeyIndex?: string | null }

export async function findUnreadableApiKeys(payload: Payload): Promise<UnreadableKey[]> {
  const { docs } = await payload.db.find<RawAccount>({ collection: 'service-accounts', limit: 0, pagination: false, where: {} })
  const unreadable: UnreadableKey[] = []
  for (const account of docs) {
    if (!account.apiKeyIndex || !account.apiKey) continue
    let key = ''
    try {
      key = (payload as unknown as { decrypt: (hash: string) => string }).decrypt(account.apiKey)
    } catch {
      key = ''
    }
    const matches = ['sha256', 'sha1'].some((algorithm) => createHmac(algorithm, payload.secret).update(key).digest('hex') === account.apiKeyIndex)
    if (!matches) unreadable.push({ id: account.id, name: account.name ?? String(account.id) })
  }
  return unreadable
}

export function unreadableKeyMessage(account: UnreadableKey): string {
  return (
    `Service account "${account.name}" (id ${String(account.id)}): its API key cannot be decrypted with the current PAYLOAD_SECRET ` +
    '(restored from a backup made with another secret, or the secret changed), so every request with it is refused. ' +
    'Fix: in the admin, Settings → Service accounts → this account, tick "Enable API key" (a new key), save, and give the new key to the program that uses it (the site: BOOKING_API_KEY).'
  )
}
