import type { Payload } from 'payload'
import { leaveRouteRefusalsToHook } from '@/lib/log-levels'
import { env } from '@/env'
import { databaseKind } from '@/lib/database'
import { migrations } from '@/migrations'
import { seed } from '@/seed'
import { findUnreadableApiKeys, unreadableKeyMessage } from '@/lib/api-keys'
import { installGracefulJobShutdown } from '@/lib/graceful-shutdown'

// The generated index types each migration precisely; the adapter takes a looser shape.
type MigrationList = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

/**
 * Runs once when Payload starts. Production applies migrations through the adapter's
 * `prodMigrations`; everywhere else they are applied here, so dev, tests and production share one
 * schema. An empty development database is then seeded, so a newcomer sees a real site at once.
 */
export async function onInit(payload: Payload): Promise<void> {
  // Refused requests are logged by lib/log-levels at info/warn, not by Payload at error.
  leaveRouteRefusalsToHook(payload)
  if (!env.isProduction && databaseKind(env.databaseUri) === 'sqlite' && migrations.length > 0) {
    await payload.db.migrate({ migrations: migrations as unknown as MigrationList })
  }
  installGracefulJobShutdown(payload)
  // One clear line per service account whose API key this secret cannot read (issue 16).
  try {
    for (const account of await findUnreadableApiKeys(payload)) payload.logger.error(unreadableKeyMessage(account))
  } catch (error) {
    payload.logger.warn(`Could not check the service accounts' API keys: ${(error as Error).message}`)
  }
  if (env.seedOnStart) {
    // The seed creates the accounts last: without one, it has never finished (it only adds what is
    // missing, so running it again after an interrupted first start completes it).
    const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
    if (totalDocs === 0) await seed(payload)
  }
}
