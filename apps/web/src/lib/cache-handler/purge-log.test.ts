import { describe, expect, test } from 'vitest'
import { globalPurgeLog, lastPurgeAt, maxTags, notePurged, purgedSince } from './purge-log.mjs'

describe('the purge log (when this process learned of each tag purge)', () => {
  test('a tag keeps its latest purge, whatever order the news came in', () => {
    const log = new Map<string, number>()
    notePurged(['doc:articles:a'], 200, log)
    notePurged(['doc:articles:a'], 100, log)
    expect(log.get('doc:articles:a')).toBe(200)
    expect(purgedSince(['doc:articles:a'], 150, log)).toBe(true)
    // Work that began at the very moment of the purge may hold what it replaced.
    expect(purgedSince(['doc:articles:a'], 200, log)).toBe(true)
    expect(purgedSince(['doc:articles:a'], 201, log)).toBe(false)
    expect(purgedSince(['doc:articles:b'], 0, log)).toBe(false)
  })

  test('the last purge of any tag; a purge of no tags is no purge', () => {
    const log = new Map<string, number>()
    expect(lastPurgeAt(log)).toBe(0)
    notePurged(['a', 'b'], 500, log)
    notePurged(['c'], 400, log)
    expect(lastPurgeAt(log)).toBe(500)
    notePurged([], 900, log)
    expect(lastPurgeAt(log)).toBe(500)
  })

  test('bounded: beyond maxTags the longest-unpurged tags are forgotten, the recent ones kept', () => {
    const log = new Map<string, number>()
    notePurged(['first'], 1, log)
    notePurged(['second'], 2, log)
    // Purged again: now among the most recent.
    notePurged(['first'], 3, log)
    notePurged(Array.from({ length: maxTags - 1 }, (_, i) => `tag-${i}`), 4, log)
    expect(log.size).toBe(maxTags)
    expect(log.has('second')).toBe(false)
    expect(log.get('first')).toBe(3)
  })

  test('one log per process, shared by the modules that load it', async () => {
    const again = await import('./purge-log.mjs?again' as string)
    expect(again.globalPurgeLog()).toBe(globalPurgeLog())
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('clinic.purgeLog')]).toBe(globalPurgeLog())
    notePurged(['collection:articles'], 1234)
    const latest = (globalThis as Record<symbol, WeakMap<object, number>>)[Symbol.for('clinic.purgeLog.latest')]
    expect(latest?.get(globalPurgeLog())).toBeGreaterThanOrEqual(1234)
  })
})
