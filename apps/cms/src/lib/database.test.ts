import { describe, expect, it } from 'vitest'
import { databaseKind, usesReplicaSet } from './database'

describe('database choice', () => {
  it.each([
    ['file:./data/clinic.db', 'sqlite'],
    ['file:/tmp/x.db', 'sqlite'],
    ['mongodb://127.0.0.1:27017/clinic', 'mongodb'],
    ['mongodb+srv://user:pass@cluster.example/clinic', 'mongodb'],
  ] as const)('%s is %s', (uri, kind) => {
    expect(databaseKind(uri)).toBe(kind)
  })

  it('uses transactions only where MongoDB allows them: replica sets and Atlas', () => {
    expect(usesReplicaSet('mongodb://db1,db2,db3/clinic?replicaSet=rs0')).toBe(true)
    expect(usesReplicaSet('mongodb+srv://cluster.example/clinic')).toBe(true)
    expect(usesReplicaSet('mongodb://127.0.0.1:27017/clinic')).toBe(false)
  })
})
