import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mediaFileCertainlyMissing, noteMediaPurges, resetKnownMediaFiles } from './known-media-files'

/** The CMS's media list as a reader: the names it holds now, and how often it was read. */
function cms(...names: string[]) {
  const files = new Set(names)
  const reader = vi.fn(async () => new Set(files))
  return { files, reader }
}

beforeEach(() => {
  resetKnownMediaFiles()
  vi.useRealTimers()
})

describe('a made-up media file name', () => {
  it('is refused after one read of the list, and a real one (upload or generated size) passes', async () => {
    const { reader } = cms('hero.jpg', 'hero-1600x900.webp')
    expect(await mediaFileCertainlyMissing('made-up.jpg', reader)).toBe(true)
    expect(await mediaFileCertainlyMissing('hero.jpg', reader)).toBe(false)
    expect(await mediaFileCertainlyMissing('hero-1600x900.webp', reader)).toBe(false)
    expect(reader).toHaveBeenCalledTimes(1)
  })

  it('a flood of made-up names costs one read per 30 s, however many ask at once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { reader } = cms('hero.jpg')
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => mediaFileCertainlyMissing(`made-up-${i}.jpg`, reader)))
    expect(answers.every(Boolean)).toBe(true)
    for (let i = 0; i < 50; i += 1) await mediaFileCertainlyMissing(`more-${i}.jpg`, reader)
    expect(reader).toHaveBeenCalledTimes(1)
    vi.setSystemTime(Date.now() + 31_000)
    expect(await mediaFileCertainlyMissing('later.jpg', reader)).toBe(true)
    expect(reader).toHaveBeenCalledTimes(2)
  })
})

describe('a file uploaded a moment ago', () => {
  it('is served at once: an upload purges the media collection, and the list is read again before refusing', async () => {
    const { files, reader } = cms('hero.jpg')
    expect(await mediaFileCertainlyMissing('new.jpg', reader)).toBe(true)
    files.add('new.jpg')
    files.add('new-640x400.webp')
    noteMediaPurges(['collection:media', 'collection:articles'])
    expect(await mediaFileCertainlyMissing('new-640x400.webp', reader)).toBe(false)
    expect(await mediaFileCertainlyMissing('new.jpg', reader)).toBe(false)
  })
  it('also after a purge of everything (a purge-bus reconnect); other collections’ purges change nothing', async () => {
    const { files, reader } = cms('hero.jpg')
    await mediaFileCertainlyMissing('x.jpg', reader)
    files.add('new.jpg')
    noteMediaPurges(['collection:articles', 'doc:articles:x'])
    expect(await mediaFileCertainlyMissing('new.jpg', reader)).toBe(true)
    noteMediaPurges('everything')
    expect(await mediaFileCertainlyMissing('new.jpg', reader)).toBe(false)
  })
})

describe('in doubt nothing is refused', () => {
  it('with the CMS unreachable, and it is not asked again for 30 s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const reader = vi.fn(async (): Promise<Set<string>> => {
      throw new Error('connect ECONNREFUSED')
    })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      for (let i = 0; i < 20; i += 1) expect(await mediaFileCertainlyMissing(`x-${i}.jpg`, reader)).toBe(false)
      expect(reader).toHaveBeenCalledTimes(1)
      vi.setSystemTime(Date.now() + 31_000)
      await mediaFileCertainlyMissing('y.jpg', reader)
      expect(reader).toHaveBeenCalledTimes(2)
    } finally {
      warn.mockRestore()
    }
  })
  it('while a purge arrives during the read (the list may miss the newest upload)', async () => {
    let release: (names: Set<string>) => void = () => {}
    const reader = vi.fn(() => new Promise<Set<string>>((resolve) => (release = resolve)))
    const pending = mediaFileCertainlyMissing('new.jpg', reader)
    await Promise.resolve()
    noteMediaPurges(['collection:media'])
    release(new Set(['hero.jpg']))
    expect(await pending).toBe(false)
  })
})
