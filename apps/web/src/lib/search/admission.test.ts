import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tokenBucket } from './admission'

describe('tokenBucket (searches started per second)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('lets a burst through at once, queues the next ones up to the wait limit, refuses the rest', async () => {
    const admit = tokenBucket({ ratePerSecond: 10, burst: 5, maxWaitMs: 1000, now: () => Date.now() })
    const settled: (boolean | 'waiting')[] = Array.from({ length: 30 }, () => 'waiting')
    const calls = settled.map((_, i) => admit().then((admitted) => (settled[i] = admitted)))
    await vi.advanceTimersByTimeAsync(0)
    // 5 at once; the 10 that fit in the next second wait; the other 15 are refused straight away.
    expect(settled.filter((value) => value === true)).toHaveLength(5)
    expect(settled.filter((value) => value === false)).toHaveLength(15)
    expect(settled.filter((value) => value === 'waiting')).toHaveLength(10)
    // The waiting ones go one every 100 ms, in order.
    await vi.advanceTimersByTimeAsync(350)
    expect(settled.filter((value) => value === true)).toHaveLength(8)
    await vi.advanceTimersByTimeAsync(700)
    await Promise.all(calls)
    expect(settled.filter((value) => value === true)).toHaveLength(15)
  })

  it('refills with time: after a quiet second a new burst passes', async () => {
    const admit = tokenBucket({ ratePerSecond: 10, burst: 5, maxWaitMs: 0, now: () => Date.now() })
    const first = await Promise.all(Array.from({ length: 8 }, () => admit()))
    expect(first.filter(Boolean)).toHaveLength(5)
    await vi.advanceTimersByTimeAsync(1000)
    const second = await Promise.all(Array.from({ length: 8 }, () => admit()))
    expect(second.filter(Boolean)).toHaveLength(5)
  })
})
