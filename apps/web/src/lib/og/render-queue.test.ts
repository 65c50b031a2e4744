import { describe, expect, it } from 'vitest'
import { maxConcurrentRenders, renderOnce, type RenderedImage } from './render-queue'

const image = (text: string): RenderedImage => ({ body: new TextEncoder().encode(text).buffer as ArrayBuffer, headers: [['content-type', 'image/png']] })
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('renderOnce (Open Graph renders)', () => {
  it('fifty requests for one cold image render it once, and all fifty get it', async () => {
    let renders = 0
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        renderOnce('articles/one', async () => {
          renders++
          await tick()
          return image('one')
        }),
      ),
    )
    expect(renders).toBe(1)
    expect(new Set(answers.map((answer) => new TextDecoder().decode(answer.body)))).toEqual(new Set(['one']))
  })

  it(`never more than ${maxConcurrentRenders} render(s) at once, however many images are asked for`, async () => {
    let running = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        renderOnce(`articles/many-${i}`, async () => {
          running++
          peak = Math.max(peak, running)
          await tick()
          running--
          return image(String(i))
        }),
      ),
    )
    expect(peak).toBe(maxConcurrentRenders)
  })

  it('a failed render frees its slot and its key: the next request renders again', async () => {
    await expect(renderOnce('articles/broken', async () => Promise.reject(new Error('font missing')))).rejects.toThrow('font missing')
    const answer = await renderOnce('articles/broken', async () => image('fixed'))
    expect(new TextDecoder().decode(answer.body)).toBe('fixed')
  })
})
