import { describe, expect, it } from 'vitest'
import { parseRevalidateRequest } from './revalidate-request'

describe('parseRevalidateRequest: limits', () => {
  it('trims tags, and refuses one that is only spaces', () => {
    expect(parseRevalidateRequest({ tags: ['  collection:articles  '] })).toEqual({ tags: ['collection:articles'] })
    expect(parseRevalidateRequest({ tags: ['   '] })).toHaveProperty('error')
  })
  it('takes 1 to 200 tags of at most 256 characters', () => {
    expect(parseRevalidateRequest({ tags: Array.from({ length: 200 }, (_, i) => `t${i}`) })).not.toHaveProperty('error')
    expect(parseRevalidateRequest({ tags: Array.from({ length: 201 }, (_, i) => `t${i}`) })).toHaveProperty('error')
    expect(parseRevalidateRequest({ tags: ['x'.repeat(256)] })).not.toHaveProperty('error')
    expect(parseRevalidateRequest({ tags: ['x'.repeat(257)] })).toHaveProperty('error')
  })
})
