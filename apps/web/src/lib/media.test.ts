import { describe, expect, it } from 'vitest'
import { trimSrcSet } from './media'

describe('trimSrcSet', () => {
  const url = (w: number) => `/_next/image?url=http%3A%2F%2Fcms%2Fa.jpg&w=${w}&q=75 ${w}w`
  const set = (...widths: number[]) => widths.map(url).join(', ')

  it('keeps the candidates narrower than the file and the first one at least as wide', () => {
    expect(trimSrcSet(set(320, 480, 640, 828, 1080), 640)).toBe(set(320, 480, 640))
    expect(trimSrcSet(set(320, 480, 828, 1080), 640)).toBe(set(320, 480, 828))
  })
  it('leaves a set with nothing wider than the file, or one it cannot read, as it is', () => {
    expect(trimSrcSet(set(320, 480), 1600)).toBe(set(320, 480))
    expect(trimSrcSet('/a.jpg 1x, /a2.jpg 2x', 640)).toBe('/a.jpg 1x, /a2.jpg 2x')
  })
})
