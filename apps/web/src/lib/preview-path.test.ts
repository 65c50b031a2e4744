import { describe, expect, it } from 'vitest'
import { safePreviewPath } from './preview-path'

describe('safePreviewPath', () => {
  it.each([
    ['/articles/x', '/articles/x'],
    ['/articles/x?draft=1', '/articles/x?draft=1'],
    ['/', '/'],
    ['/a//b', '/a//b'],
    ['/%2e%2e/x', '/x'],
  ])('keeps a path on this site: %s', (input, output) => {
    expect(safePreviewPath(input)).toBe(output)
  })

  it.each([
    ['another host', 'https://evil.example/x'],
    ['a protocol-relative address', '//evil.example/x'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'articles/x'],
    ['javascript:', 'javascript:alert(1)'],
    ['nothing', ''],
    ['null', null],
  ])('refuses %s', (_label, input) => {
    expect(safePreviewPath(input)).toBe('/')
  })

  it('refuses a path the URL parser resolves to another origin, or cannot parse', () => {
    // A tab or newline is dropped by the URL parser: "/\t/evil.example" would become "//evil.example".
    expect(safePreviewPath('/\t/evil.example/x')).toBe('/')
    expect(safePreviewPath('/\n/evil.example/x')).toBe('/')
  })
})
