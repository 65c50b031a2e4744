import { describe, expect, it } from 'vitest'
import { databaseFault, databaseFaultMessage } from './database-faults'

class LibsqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

describe('database faults', () => {
  it.each([
    [new LibsqlError('SQLITE_FULL: database or disk is full', 'SQLITE_FULL'), /disk is full/],
    [new LibsqlError('SQLITE_READONLY: attempt to write a readonly database', 'SQLITE_READONLY'), /read-only/],
    [new LibsqlError('SQLITE_CANTOPEN: unable to open database file', 'SQLITE_CANTOPEN'), /cannot be opened/],
    [new LibsqlError('SQLITE_IOERR_WRITE: disk I/O error', 'SQLITE_IOERR_WRITE'), /input\/output/],
    [new LibsqlError('SQLITE_BUSY: database is locked', 'SQLITE_BUSY'), /busy/],
    // Drizzle wraps the driver's error: the cause is what counts.
    [Object.assign(new Error('Failed query: insert into "pages"'), { cause: new LibsqlError('SQLITE_FULL: database or disk is full', 'SQLITE_FULL') }), /disk is full/],
    [Object.assign(new Error('connection 3 to 10.0.0.5:27017 closed'), { name: 'MongoNetworkError' }), /cannot be reached/],
    [Object.assign(new Error('Server selection timed out after 30000 ms'), { name: 'MongoServerSelectionError' }), /cannot be reached/],
    [Object.assign(new Error('not primary'), { name: 'MongoServerError', code: 10107 }), /cannot be reached/],
    [Object.assign(new Error('Connection pool for 10.0.0.5:27017 was cleared because another operation failed'), { name: 'PoolClearedOnNetworkError' }), /cannot be reached/],
    [Object.assign(new Error('Server is closed'), { name: 'MongoServerClosedError' }), /cannot be reached/],
    [Object.assign(new Error('Timed out while checking out a connection from connection pool'), { name: 'MongoWaitQueueTimeoutError' }), /cannot be reached/],
    [Object.assign(new Error('Server selection timed out after 3000 ms'), { name: 'MongooseServerSelectionError' }), /cannot be reached/],
  ])('%s → 503 saying what happened', (error, reason) => {
    const fault = databaseFault(error)
    expect(fault?.reason).toMatch(reason)
    expect(fault!.retryAfterSeconds).toBeGreaterThan(0)
    expect(databaseFaultMessage(fault!)).toMatch(/not saved.*still in the form/)
  })

  it.each([
    new Error('Value must be unique'),
    Object.assign(new Error('The following field is invalid: title'), { name: 'ValidationError' }),
    new SyntaxError('Unexpected token'),
    new TypeError("Cannot read properties of undefined (reading 'id')"),
  ])('%s is not a database fault (stays what it was)', (error) => {
    expect(databaseFault(error)).toBeUndefined()
  })
})
