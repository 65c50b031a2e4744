import { describe, expect, it } from 'vitest'
import { safeSitePath } from './safe-path'

describe('safeSitePath', () => {
  it.each([
    ['/articles/sciatica-and-massage', '/articles/sciatica-and-massage'],
    ['/articles/x?draft=1', '/articles/x?draft=1'],
    ['/', '/'],
    ['/services/./deep-tissue', '/services/deep-tissue'],
    ['/a/../team', '/team'],
    // The longest target kept: 2,048 characters.
    ['/' + 'a'.repeat(2047), '/' + 'a'.repeat(2047)],
  ])('keeps the site path %s', (target, expected) => {
    expect(safeSitePath(target)).toBe(expected)
  })

  // Each of these is another origin to a browser once normalised, or hides one in an encoding.
  it.each([
    [null],
    [''],
    ['articles/x'],
    ['//evil.example'],
    ['//evil.example/x'],
    ['/.//evil.example'],
    ['/./\\evil.example'],
    ['/a/..//evil.example'],
    ['/\\evil.example'],
    ['/\\/evil.example'],
    ['\\\\evil.example'],
    ['/%2F%2Fevil.example'],
    ['/%2f/evil.example'],
    ['/%5Cevil.example'],
    ['/%5c%5cevil.example'],
    ['/%252F%252Fevil.example'],
    ['/.%2F%2Fevil.example'],
    ['/%2E//evil.example'],
    ['https://evil.example/x'],
    ['http:/evil.example'],
    ['javascript:alert(1)'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/%09/evil.example'],
    ['/%0d%0aSet-Cookie:x=1'],
    ['/\u0000/evil.example'],
    ['/ /evil.example'],
    ['/%ZZ'],
    ['/' + 'a'.repeat(2048)],
    // Decoded, "%23" starts a fragment and hides the "//"; the path as sent still has it.
    ['/a%23//evil.example'],
    ['/a%3F//evil.example'],
  ])('refuses %j', (target) => {
    expect(safeSitePath(target)).toBe('/')
  })
})
