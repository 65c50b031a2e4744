import { describe, expect, it } from 'vitest'
import {
  isPreviewReaderCredential,
  previewReaderCredential,
  signPreviewToken,
  sitePathOf,
  verifyPreviewToken,
  type PreviewClaims,
} from './preview-grant'

const secret = 'a-shared-secret-of-enough-length'
const now = Date.UTC(2026, 10, 30, 12, 0, 0)
const claims: PreviewClaims = { jti: 'j1', collection: 'articles', id: '12', path: '/articles/x', exp: now / 1000 + 300 }

describe('preview grants', () => {
  it('verify what was signed, for the same purpose, until they expire', () => {
    const token = signPreviewToken(claims, secret, 'preview-grant')
    expect(verifyPreviewToken(token, secret, 'preview-grant', now)).toEqual({ ok: true, claims })
    expect(verifyPreviewToken(token, secret, 'preview-grant', now + 300_000)).toEqual({ ok: false, reason: 'expired' })
  })

  it.each([
    ['missing', undefined, 'missing'],
    ['empty', '', 'missing'],
    ['not two parts', 'abc', 'malformed'],
    ['three parts', 'a.b.c', 'malformed'],
    ['oversized', 'a'.repeat(3000), 'malformed'],
  ] as const)('refuse a %s token', (_name, token, reason) => {
    expect(verifyPreviewToken(token, secret, 'preview-grant', now)).toEqual({ ok: false, reason })
  })

  it('refuse a token signed with another secret, for another purpose, or with changed claims', () => {
    const token = signPreviewToken(claims, secret, 'preview-grant')
    expect(verifyPreviewToken(token, 'another-secret-of-enough-length', 'preview-grant', now).ok).toBe(false)
    expect(verifyPreviewToken(token, secret, 'preview-session', now)).toEqual({ ok: false, reason: 'signature' })
    const [, signature] = token.split('.')
    const changed = Buffer.from(JSON.stringify({ ...claims, id: '13' })).toString('base64url')
    expect(verifyPreviewToken(`${changed}.${signature}`, secret, 'preview-grant', now)).toEqual({ ok: false, reason: 'signature' })
  })

  it('refuse well-signed claims of the wrong shape', () => {
    const bad = signPreviewToken({ ...claims, collection: 'users' } as unknown as PreviewClaims, secret, 'preview-grant')
    expect(verifyPreviewToken(bad, secret, 'preview-grant', now)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('build site paths, pages at the root', () => {
    expect(sitePathOf('articles', 'sciatica')).toBe('/articles/sciatica')
    expect(sitePathOf('pages', 'about')).toBe('/about')
    expect(sitePathOf('services', '../x')).toBe('/services/..%2Fx')
  })

  it('derive a reader credential that is not the secret and matches only itself', () => {
    const credential = previewReaderCredential(secret)
    expect(credential).not.toContain(secret)
    expect(isPreviewReaderCredential(credential, secret)).toBe(true)
    expect(isPreviewReaderCredential(secret, secret)).toBe(false)
    expect(isPreviewReaderCredential(undefined, secret)).toBe(false)
  })
})
