// When this process learned of each tag purge: the instance the CMS told notes the moment its
// /api/revalidate arrived, every other instance the moment the purge reached it over Redis
// (../purge-bus.ts). The cache handler (./with-purge-guard.mjs) compares the start of each render
// and CMS read with these times. Kept on globalThis: the route, the purge bus and the cache handler
// are loaded as separate modules in one process.
//
// Plain JavaScript: Next.js loads the cache handler with Node.js, without compiling it.

/** Tags remembered; the oldest purges are forgotten beyond this (a render never lasts that long). */
export const maxTags = 20_000

/** @returns {Map<string, number>} tag → epoch ms of the latest purge this process knows of */
export function globalPurgeLog() {
  const holder = /** @type {any} */ (globalThis)
  return (holder[Symbol.for('clinic.purgeLog')] ??= new Map())
}

/** The latest purge of any tag, per log (globalThis for the process's own log). */
const latest = /** @type {any} */ (globalThis)[Symbol.for('clinic.purgeLog.latest')] ??= new WeakMap()

/**
 * When this process last learned of a purge of any tag (epoch ms; 0 when none yet): background
 * work that is not a page (Open Graph images) waits until staff have stopped publishing for a moment.
 * @param {Map<string, number>} [log]
 * @returns {number}
 */
export function lastPurgeAt(log = globalPurgeLog()) {
  return latest.get(log) ?? 0
}

/**
 * Notes that `tags` were purged at `at` (epoch ms; now by default).
 * @param {readonly string[]} tags
 * @param {number} [at]
 * @param {Map<string, number>} [log]
 */
export function notePurged(tags, at = Date.now(), log = globalPurgeLog()) {
  for (const tag of tags) {
    const before = log.get(tag)
    // Most recent last, so the oldest go first when the log is full.
    log.delete(tag)
    log.set(tag, before === undefined ? at : Math.max(before, at))
  }
  if (tags.length > 0) latest.set(log, Math.max(latest.get(log) ?? 0, at))
  while (log.size > maxTags) log.delete(/** @type {string} */ (log.keys().next().value))
}

/**
 * Whether one of `tags` was purged at or after `since` (epoch ms): work that began then may hold
 * what the purge replaced.
 * @param {Iterable<string>} tags
 * @param {number} since
 * @param {Map<string, number>} [log]
 */
export function purgedSince(tags, since, log = globalPurgeLog()) {
  for (const tag of tags) {
    const at = log.get(tag)
    if (at !== undefined && at >= since) return true
  }
  return false
}
