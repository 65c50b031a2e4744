import type { Media, Service } from '@clinic/cms-types'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { needsAllServices, PageBlocks, type PageBlock } from './PageBlocks'

const image = {
  id: '1',
  alt: 'A quiet treatment room',
  url: '/api/media/file/room.jpg',
  width: 1600,
  height: 900,
  sizes: { hero: { url: '/api/media/file/room-1600x900.webp', width: 1600, height: 900 } },
} as unknown as Media

const service = (id: string, name: string) =>
  ({ id, name, slug: name.toLowerCase().replace(/ /g, '-'), summary: `${name} summary`, pressureLevel: 'medium', durations: [{ minutes: 60, price: 110 }] }) as unknown as Service

const render = (blocks: PageBlock[], allServices: Service[] = []) =>
  renderToStaticMarkup(<PageBlocks blocks={blocks} allServices={allServices} currency="CAD" />)

describe('PageBlocks', () => {
  it('renders a leading hero as the page heading, with its image and button', () => {
    const out = render([{ blockType: 'hero', heading: 'About us', subheading: 'Unhurried care', image, ctaLabel: 'Book', ctaUrl: '/book' }])
    expect(out).toContain('<h1>About us</h1>')
    expect(out).toContain('Unhurried care')
    expect(out).toContain('href="/book"')
    expect(out).toMatch(/<img[^>]+alt="A quiet treatment room"/)
    expect(out).toContain('room-1600x900.webp')
  })

  it('renders a later hero as a section heading', () => {
    const out = render([
      { blockType: 'callToAction', heading: 'Come in', buttonLabel: 'Book', buttonUrl: '/book' },
      { blockType: 'hero', heading: 'Second' },
    ])
    expect(out).toContain('<h2>Second</h2>')
  })

  it('renders rich text sections', () => {
    const out = render([
      { blockType: 'richText', content: { root: { type: 'root', children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Hello' }] }], direction: null, format: '', indent: 0, version: 1 } } },
    ])
    expect(out).toContain('<p>Hello</p>')
  })

  it('renders a call to action with an external button as a plain link', () => {
    const out = render([{ blockType: 'callToAction', heading: 'Book online', text: 'Any time', buttonLabel: 'Go', buttonUrl: 'https://booking.example/clinic' }])
    expect(out).toContain('<h2>Book online</h2>')
    expect(out).toContain('<a class="button button--primary" href="https://booking.example/clinic">Go</a>')
  })

  it('shows the picked services, or every service when none are picked', () => {
    const deep = service('1', 'Deep tissue')
    const swedish = service('2', 'Swedish')
    const picked = render([{ blockType: 'servicesGrid', heading: 'Picked', services: [swedish] }], [deep, swedish])
    expect(picked).toContain('Swedish')
    expect(picked).not.toContain('Deep tissue')
    const all = render([{ blockType: 'servicesGrid', heading: 'All', services: [] }], [deep, swedish])
    expect(all).toContain('Swedish')
    expect(all).toContain('Deep tissue')
    expect(all).toContain('From $110.00')
  })

  it('renders FAQs as native disclosure widgets', () => {
    const out = render([{ blockType: 'faq', heading: 'Questions', items: [{ question: 'Does it hurt?', answer: 'It should not.' }] }])
    expect(out).toContain('<details><summary>Does it hurt?</summary><p>It should not.</p></details>')
  })

  it('renders testimonials as quotes with their names', () => {
    const out = render([{ blockType: 'testimonials', heading: 'Kind words', items: [{ quote: 'Lovely.', name: 'J.' }] }])
    expect(out).toContain('<blockquote><p>Lovely.</p></blockquote><figcaption>J.</figcaption>')
  })

  it('skips a block type it does not know instead of crashing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(render([{ blockType: 'carousel' } as unknown as PageBlock])).toBe('')
    warn.mockRestore()
  })

  it('knows when a page needs the full list of services', () => {
    expect(needsAllServices([{ blockType: 'servicesGrid' }])).toBe(true)
    expect(needsAllServices([{ blockType: 'servicesGrid', services: [service('1', 'Swedish')] }])).toBe(false)
    expect(needsAllServices([{ blockType: 'faq' }])).toBe(false)
  })
})
