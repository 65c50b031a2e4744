import { describe, expect, it } from 'vitest'
import { deviceSizes, imageRequestProblem, imageSizes, mediaFilePath, qualities } from './image-requests'

const cms = 'http://cms.test:3001'
const widths = [...deviceSizes, ...imageSizes]
// File names as the CMS writes them into a media URL (Payload: encodeURIComponent of a sanitised name).
const names = ['hero.jpg', 'team-portrait-sage-e193fb80-640x400.webp', 'Spa day (1).png', 'café–crème ✓.avif', "o'neil!*~.jpeg"].map(encodeURIComponent)
const media = (name = names[0]!) => `${cms}${mediaFilePath}${name}`

/** The query string of a `/_next/image` request, in order, repeats allowed. */
const query = (...pairs: [string, string][]) => new URLSearchParams(pairs)
const valid = (url = media(), w = '640', q = '75') => query(['url', url], ['w', w], ['q', q])
const problem = (params: URLSearchParams) => imageRequestProblem(params, cms)

describe('the image optimiser takes the requests the site makes', () => {
  it('every media file name, in every configured width, at the configured quality', () => {
    for (const name of names) {
      for (const w of widths) {
        for (const q of qualities) expect(problem(valid(media(name), String(w), String(q))), `${name} ${w} ${q}`).toBeUndefined()
      }
    }
  })
  it('in any order of its parameters', () => {
    expect(problem(query(['q', '75'], ['w', '320'], ['url', media()]))).toBeUndefined()
  })
})

describe('it refuses everything else, with a message that says what is wrong and repeats little of it', () => {
  const refused = (params: URLSearchParams, what: RegExp) => {
    const message = problem(params)
    expect(message, `refused: ${params.toString().slice(0, 120)}`).toBeTypeOf('string')
    expect(message, params.toString()).toMatch(what)
    expect(message!.length, 'a short message').toBeLessThan(200)
  }

  it('a parameter the site does not use (an invented cache-buster, a look-alike, an empty name)', () => {
    for (const name of ['v', 'cb', 'URL', 'url2', 'width', '', 'x'.repeat(5000)]) {
      const params = valid()
      params.append(name, 'anything')
      refused(params, /parameter the site does not use/)
    }
  })
  it('a missing or repeated url, w or q', () => {
    for (const name of ['url', 'w', 'q']) {
      const missing = valid()
      missing.delete(name)
      refused(missing, new RegExp(`no "${name}" parameter`))
      const twice = valid()
      twice.append(name, twice.get(name)!)
      refused(twice, new RegExp(`"${name}" more than once`))
    }
  })
  it('any width that is not configured (every integer from 0 to 4000, and other spellings of real ones)', () => {
    for (let w = 0; w <= 4000; w += 1) {
      if (widths.includes(w)) continue
      refused(valid(media(), String(w)), /the width must be one of 96, 160, 256, 320/)
    }
    for (const w of ['0640', '+640', ' 640', '640 ', '640.0', '6.4e2', '0x280', '-640', '', 'w']) refused(valid(media(), w), /the width must be/)
  })
  it('any quality but the configured one (1 to 100, and other spellings of it)', () => {
    for (let q = 0; q <= 101; q += 1) {
      if (qualities.includes(q)) continue
      refused(valid(media(), '640', String(q)), /the quality must be 75/)
    }
    for (const q of ['075', '75.0', ' 75', '+75', '']) refused(valid(media(), '640', q), /the quality must be/)
  })
  it('a media file with anything after its name: a query string, a fragment, more path', () => {
    for (const suffix of ['?v=1', '?', '?v=1&w=2', '#x', '#', '/x', '/', '/../users/me', '%2F..%2Fusers', '%5C..', '%00', '%0a', '%7F'])
      refused(valid(`${media()}${suffix}`), /only the CMS’s media files/)
  })
  it('any other address: another host, port, scheme or path, a relative or a rewritten one', () => {
    const others = [
      `https://cms.test:3001${mediaFilePath}hero.jpg`,
      `http://cms.test:3002${mediaFilePath}hero.jpg`,
      `http://cms.test${mediaFilePath}hero.jpg`,
      `http://evil.example${mediaFilePath}hero.jpg`,
      `http://user@cms.test:3001${mediaFilePath}hero.jpg`,
      `HTTP://cms.test:3001${mediaFilePath}hero.jpg`,
      `http://cms.test:3001.evil.example${mediaFilePath}hero.jpg`,
      `${cms}/api/users/me`,
      `${cms}/api/media/hero.jpg`,
      `${cms}${mediaFilePath}`,
      `${cms}${mediaFilePath}..`,
      `${cms}${mediaFilePath}%2e%2e`,
      `${cms}${mediaFilePath}.`,
      `${cms}/api/media/file/../../users/me`,
      `${cms}/API/media/file/hero.jpg`,
      `${cms}${mediaFilePath}hero.jpg\\..\\x`,
      `${cms}${mediaFilePath}he ro.jpg`,
      `${cms}${mediaFilePath}he\tro.jpg`,
      `${cms}${mediaFilePath}hé"ro.jpg`,
      `${mediaFilePath}hero.jpg`,
      `//cms.test:3001${mediaFilePath}hero.jpg`,
      '/book',
      '/og/articles/x',
      'data:image/png;base64,iVBORw0KGgo=',
      'javascript:alert(1)',
      '',
    ]
    for (const url of others) refused(valid(url), /only the CMS’s media files/)
  })
})

describe('a file name longer than any file name', () => {
  it('is refused (255 bytes, percent-encoded), while the longest real one passes', () => {
    for (const name of ['a'.repeat(251), 'é'.repeat(125), '✓'.repeat(83)]) expect(problem(valid(media(encodeURIComponent(`${name}.jpg`))))).toBeUndefined()
    expect(problem(valid(media(`${'a'.repeat(762)}.jpg`)))).toMatch(/only the CMS’s media files/)
  })
})
