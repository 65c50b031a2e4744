import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Which database this run of the suite is on: SQLite by default, MongoDB when the runner says so. */
export const testDatabase: 'sqlite' | 'mongodb' = process.env.TEST_DATABASE === 'mongodb' ? 'mongodb' : 'sqlite'

/** True when the suite runs over the MongoDB wire protocol against FerretDB rather than MongoDB. */
export const onFerretDB = testDatabase === 'mongodb' && process.env.TEST_MONGODB_FLAVOUR === 'ferretdb'

/** A connection string for a brand-new, empty database named after the test that uses it. */
export function freshDatabaseUri(name: string): string {
  const suffix = `${name.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(4).toString('hex')}`
  if (testDatabase === 'mongodb') {
    const base = process.env.MONGODB_TEST_URI
    if (!base) throw new Error('TEST_DATABASE=mongodb needs MONGODB_TEST_URI (the test runner sets it).')
    const url = new URL(base)
    url.pathname = `/clinic_test_${suffix}`
    return url.toString()
  }
  return `file:${path.join(tmpdir(), `clinic-test-${suffix}.db`)}`
}
