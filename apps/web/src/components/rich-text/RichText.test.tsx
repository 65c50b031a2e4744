import type { Exercise, Service } from '@clinic/cms-types'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { ArticleBlock } from '@/components/blocks/ArticleBlock'
import type { ArticleBodyBlock, RichTextValue } from './nodes'
import { RichText } from './RichText'

const root = (...children: unknown[]): RichTextValue => ({
  root: { type: 'root', children: children as RichTextValue['root']['children'] },
})
const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children })
const html = (value: RichTextValue) => renderToStaticMarkup(<RichText value={value} />)

const exercise = {
  id: '7',
  name: 'Hamstring floss',
  slug: 'hamstring-floss',
  summary: 'A standing nerve glide.',
  difficulty: 'beginner',
} as unknown as Exercise
const service = {
  id: '3',
  name: 'Deep tissue massage',
  slug: 'deep-tissue-massage',
  summary: 'Slow, firm strokes.',
  pressureLevel: 'deep',
} as unknown as Service

describe('RichText', () => {
  it('renders paragraphs with bold, italic and combined formatting', () => {
    const out = html(root(paragraph(text('Plain '), text('bold', 1), text(' and '), text('italic', 2), text(' both', 3))))
    expect(out).toBe('<div class="rich-text"><p>Plain <strong>bold</strong> and <em>italic</em><strong><em> both</em></strong></p></div>')
  })

  it('renders headings at the level the editor chose', () => {
    const out = html(root({ type: 'heading', tag: 'h2', children: [text('Causes')] }, { type: 'heading', tag: 'h3', children: [text('Posture')] }))
    expect(out).toContain('<h2>Causes</h2>')
    expect(out).toContain('<h3>Posture</h3>')
  })

  it('renders bulleted and numbered lists, including nested ones', () => {
    const out = html(
      root(
        { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('Numbness')] }] },
        {
          type: 'list',
          listType: 'number',
          start: 1,
          children: [
            { type: 'listitem', children: [text('Sit tall')] },
            { type: 'listitem', children: [{ type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('Breathe')] }] }] },
          ],
        },
      ),
    )
    expect(out).toContain('<ul><li>Numbness</li></ul>')
    expect(out).toContain('<ol><li>Sit tall</li><li><ul><li>Breathe</li></ul></li></ol>')
  })

  it('renders custom links, opening new tabs safely, and internal links by slug', () => {
    const out = html(
      root(
        paragraph(
          { type: 'link', fields: { linkType: 'custom', url: 'https://example.org/x', newTab: true }, children: [text('source')] },
          text(' · '),
          { type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'exercises', value: { slug: 'glute-stretch' } } }, children: [text('stretch')] },
        ),
      ),
    )
    expect(out).toContain('<a href="https://example.org/x" target="_blank" rel="noopener noreferrer">source</a>')
    expect(out).toContain('<a href="/exercises/glute-stretch">stretch</a>')
  })

  it('never renders a javascript: link as a link', () => {
    const out = html(root(paragraph({ type: 'link', fields: { url: 'javascript:alert(1)' }, children: [text('click')] })))
    expect(out).toBe('<div class="rich-text"><p>click</p></div>')
  })

  // Generated: each spelling of "two slashes" browsers accept (\ is /, tabs and line breaks dropped).
  const offSite = ['/', '\\'].flatMap((a) => ['/', '\\'].flatMap((b) => ['', '\t', '\n'].map((gap) => `${a}${gap}${b}evil.example/x`)))

  it.each(offSite)('never renders %j, which a browser resolves to another site, as a link', (url) => {
    // The premise, checked with the browser's own URL parser.
    expect(new URL(url, 'https://clinic.example/articles/a').host).not.toBe('clinic.example')
    const out = html(root(paragraph({ type: 'link', fields: { url }, children: [text('refund')] })))
    expect(out).toBe('<div class="rich-text"><p>refund</p></div>')
  })

  // What the CMS refuses at save (linkProblem, shared) is never a link here either, for content stored before the check.
  it.each(['/%5Cevil.example', '/..//evil.example', 'JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'https:\\\\evil.example', 'evil.example'])('never renders %j (refused by the CMS) as a link', (url) => {
    const out = html(root(paragraph({ type: 'link', fields: { url }, children: [text('here')] })))
    expect(out).toBe('<div class="rich-text"><p>here</p></div>')
  })

  it('keeps site paths, fragments and web links', () => {
    for (const url of ['/book', '/services/x?y=1#z', '#prices', 'https://example.org/a']) {
      const out = html(root(paragraph({ type: 'link', fields: { url }, children: [text('go')] })))
      expect(out, url).toContain(`href="${url.replace(/&/g, '&amp;')}"`)
    }
  })

  it('escapes text, so content cannot inject markup', () => {
    expect(html(root(paragraph(text('<script>x</script>'))))).toContain('&lt;script&gt;x&lt;/script&gt;')
  })

  it('skips empty paragraphs and renders nothing for empty content', () => {
    expect(html(root(paragraph(), paragraph(text('Hi'))))).toBe('<div class="rich-text"><p>Hi</p></div>')
    expect(renderToStaticMarkup(<RichText value={null} />)).toBe('')
  })

  it('keeps the text of node types it does not know', () => {
    expect(html(root({ type: 'mystery', children: [text('still here')] }))).toContain('still here')
  })

  it('renders the three article block types inside the body', () => {
    const out = html(
      root(
        { type: 'block', fields: { id: 'a', blockType: 'callout', tone: 'red-flag', title: 'See a doctor', body: 'If you lose bladder control.' } },
        { type: 'block', fields: { id: 'b', blockType: 'exerciseEmbed', exercise, note: 'Eases the nerve.' } },
        { type: 'block', fields: { id: 'c', blockType: 'serviceEmbed', service } },
      ),
    )
    // Red flags get their own landmark, labelled by their own heading.
    expect(out).toMatch(/<section id="red-flags-a" class="red-flags" aria-labelledby="red-flags-a-heading"><h2 id="red-flags-a-heading"[^>]*>.*See a doctor<\/h2>/)
    expect(out).toContain('If you lose bladder control.')
    expect(out).toContain('<a href="/exercises/hamstring-floss">Hamstring floss</a>')
    expect(out).toContain('Eases the nerve.')
    expect(out).toContain('<a href="/services/deep-tissue-massage">Deep tissue massage</a>')
    expect(out).toContain('Deep pressure')
  })
})

describe('ArticleBlock', () => {
  it('gives each callout tone a default title', () => {
    for (const [tone, title, className] of [
      ['info', 'Good to know', 'callout--info'],
      ['warning', 'Take care', 'callout--warning'],
      ['red-flag', 'When to see a doctor', 'red-flags'],
    ] as const) {
      const out = renderToStaticMarkup(<ArticleBlock block={{ blockType: 'callout', tone, body: 'Body' }} />)
      expect(out).toContain(`class="${className}"`.replace('"callout--', '"callout callout--'))
      expect(out).toContain(title)
    }
  })

  it('renders nothing for an embed whose document is unpublished (a bare id)', () => {
    expect(renderToStaticMarkup(<ArticleBlock block={{ blockType: 'exerciseEmbed', exercise: 9 as unknown as Exercise['id'] }} />)).toBe('')
    expect(renderToStaticMarkup(<ArticleBlock block={{ blockType: 'serviceEmbed', service: 4 as unknown as Service['id'] }} />)).toBe('')
  })

  it('skips an unknown block type at run time instead of crashing the page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const unknown = { blockType: 'video' } as unknown as ArticleBodyBlock
    expect(renderToStaticMarkup(<ArticleBlock block={unknown} />)).toBe('')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"video"'))
    warn.mockRestore()
  })
})
