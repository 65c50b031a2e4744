import { describe, expect, it } from 'vitest'
import { maxConcurrentRenders, maxWaitingRenders, RenderQueueFull, renderOnce, renderQueueLength, type RenderedImage } from './render-queue'

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

  it('a visitor’s render goes before the background renders already waiting, and promotes one it asks for', async () => {
    const order: string[] = []
    const job = (name: string) => async () => {
      order.push(name)
      await tick()
      return image(name)
    }
    const first = renderOnce('warm/first', job('warm-1'), 'low')
    const queued = ['warm-2', 'warm-3', 'warm-4'].map((name) => renderOnce(`warm/${name}`, job(name), 'low'))
    const visitor = renderOnce('visitor/a', job('visitor-a'))
    // A visitor asks for an image the warmer queued: it is rendered next, once.
    const promoted = renderOnce('warm/warm-4', job('never'))
    await Promise.all([first, ...queued, visitor, promoted])
    expect(order[0]).toBe('warm-1')
    expect(order.slice(1, 3).sort()).toEqual(['visitor-a', 'warm-4'])
    expect(order).not.toContain('never')
    expect(order).toHaveLength(5)
  })

  it('a low-priority render never runs beside another render either', async () => {
    let running = 0
    let peak = 0
    const job = async () => {
      running++
      peak = Math.max(peak, running)
      await tick()
      running--
      return image('x')
    }
    await Promise.all(Array.from({ length: 12 }, (_, i) => renderOnce(`mixed/${i}`, job, i % 2 ? 'low' : 'visitor')))
    expect(peak).toBe(maxConcurrentRenders)
  })

  it(`at most ${maxWaitingRenders} images wait: one more cold image is refused at once, one already waiting is not`, async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const rendered: string[] = []
    const job = (name: string) => async () => {
      rendered.push(name)
      await held
      return image(name)
    }
    // One rendering and `maxWaitingRenders` waiting.
    const accepted = Array.from({ length: maxWaitingRenders + 1 }, (_, i) => renderOnce(`burst/${i}`, job(String(i))))
    expect(renderQueueLength()).toBe(maxWaitingRenders + 1)
    const refused = renderOnce('burst/one-more', job('one-more'))
    await expect(refused).rejects.toBeInstanceOf(RenderQueueFull)
    // Joins the render already waiting for it.
    const joined = renderOnce(`burst/${maxWaitingRenders}`, job('never'))
    // The warmer is never refused (it asks one at a time, and waits behind visitors).
    const background = renderOnce('burst/background', job('background'), 'low')
    release()
    const answers = await Promise.all([...accepted, joined, background])
    expect(answers).toHaveLength(maxWaitingRenders + 3)
    expect(rendered).not.toContain('one-more')
    expect(rendered).not.toContain('never')
    expect(rendered).toHaveLength(maxWaitingRenders + 2)
    // Once the queue drains, the refused image renders.
    expect(new TextDecoder().decode((await renderOnce('burst/one-more', async () => image('later'))).body)).toBe('later')
  })
})
