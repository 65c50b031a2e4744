import { linkProblem } from '@clinic/cms-types'
import { beforeAll, describe, expect, it } from 'vitest'
import { contentData, reviewerData, richText, unique, type SupportingDocs } from './helpers/fixtures'
import { rest } from './helpers/rest'

/**
 * Links staff type into rich text (the link feature's address, custom links and autolinks) are
 * checked at save like CTA links: whatever a browser would resolve to another website, or a script,
 * is a 400 naming the link, and nothing is written.
 */

const fieldErrors = (body: any): Array<{ path: string; message: string }> => body?.errors?.[0]?.data?.errors ?? []

/** A rich-text value with one paragraph holding one link (Lexical JSON as the admin stores it). */
function withLink(url: string, { type = 'link', text = 'our booking page', linkType = 'custom' } = {}) {
  const value = richText('Before the link.')
  const paragraph = value.root.children[0] as { children: unknown[] }
  paragraph.children.push({
    type,
    version: 3,
    direction: 'ltr',
    format: '',
    indent: 0,
    fields: { linkType, url, newTab: false },
    children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
  })
  return value
}

// Generated: each spelling of "two slashes" a browser accepts (it reads \ as /, drops tabs and line breaks).
const starts = ['/', '\\']
const gaps = ['', '\t', '\n', '\r\n']
const offSite = starts.flatMap((a) => starts.flatMap((b) => gaps.map((gap) => `${a}${gap}${b}evil.example/refund`)))
const hostile = [
  ...offSite,
  '/\\evil.example/x',
  '\\\\evil.example',
  '/%5Cevil.example',
  '/%2F%2Fevil.example',
  '/%09/evil.example',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'evil.example',
  'https:\\\\evil.example',
]
const accepted = ['/book', '/services/deep-tissue?from=article#prices', '#prices', 'https://www.example.org/study', 'mailto:hello@clinic.example', 'tel:+12505550142']

describe('links in rich text', () => {
  let support: SupportingDocs
  beforeAll(async () => {
    const author = await rest('editor', 'POST', '/api/team', { name: unique('Author'), jobTitle: 'RMT', bio: 'Bio.', _status: 'published' })
    const reviewer = await rest('editor', 'POST', '/api/team', reviewerData())
    expect([author.status, reviewer.status], `${author.text} ${reviewer.text}`).toEqual([201, 201])
    support = { teamId: author.body.doc.id, reviewerId: reviewer.body.doc.id }
  })

  const countArticles = async (title: string) => {
    const response = await rest('admin', 'GET', `/api/articles?where[title][equals]=${encodeURIComponent(title)}&draft=true`)
    expect(response.status, response.text).toBe(200)
    return response.body.totalDocs as number
  }

  it.each(hostile)('an article whose body links to %j is refused with the link check’s message, and nothing is written', async (url) => {
    const expected = linkProblem(url)
    expect(expected, 'the shared check refuses it').toBeDefined()
    const data = { ...contentData('articles', support), body: withLink(url) }
    const response = await rest('editor', 'POST', '/api/articles', data)
    expect(response.status, response.text).toBe(400)
    const error = fieldErrors(response.body).find((entry) => entry.path === 'body')
    expect(error?.message, response.text).toContain('The link “our booking page”')
    expect(error?.message).toContain(expected)
    expect(response.text, 'no stack trace').not.toMatch(/\n\s+at /)
    expect(await countArticles(String((data as Record<string, unknown>).title))).toBe(0)
  })

  it.each(accepted)('%j is accepted and stored exactly as typed', async (url) => {
    const data = { ...contentData('articles', support), body: withLink(url) }
    const response = await rest('editor', 'POST', '/api/articles', data)
    expect(response.status, response.text).toBe(201)
    const stored = await rest('admin', 'GET', `/api/articles/${response.body.doc.id}?draft=true&depth=0`)
    expect(JSON.stringify(stored.body.body)).toContain(JSON.stringify(url))
  })

  it('an autolink (a pasted address) is checked too', async () => {
    const data = { ...contentData('articles', support), body: withLink('/\\evil.example', { type: 'autolink', text: '/\\evil.example' }) }
    const response = await rest('editor', 'POST', '/api/articles', data)
    expect(response.status, response.text).toBe(400)
    expect(fieldErrors(response.body).find((entry) => entry.path === 'body')?.message).toContain('not "\\"')
  })

  it('an internal link (to a document) needs no address', async () => {
    const data = { ...contentData('articles', support), body: withLink('', { linkType: 'internal' }) }
    const paragraph = data.body.root.children[0] as { children: Array<{ fields?: Record<string, unknown> }> }
    paragraph.children[1]!.fields = { linkType: 'internal', newTab: false, doc: { relationTo: 'team', value: support.teamId } }
    const response = await rest('editor', 'POST', '/api/articles', data)
    // `team` may not be linkable from rich text; either way the link check itself must not refuse it.
    expect(fieldErrors(response.body).map((entry) => entry.message).join(' ')).not.toMatch(/The link “/)
  })

  it('an edit that adds an off-site link is refused and the stored body is unchanged', async () => {
    const created = await rest('editor', 'POST', '/api/articles', contentData('articles', support))
    expect(created.status, created.text).toBe(201)
    const id = created.body.doc.id
    const edit = await rest('editor', 'PATCH', `/api/articles/${id}`, { body: withLink('/\t/evil.example') })
    expect(edit.status, edit.text).toBe(400)
    expect(fieldErrors(edit.body).find((entry) => entry.path === 'body')?.message).toContain(linkProblem('/\t/evil.example'))
    const stored = await rest('admin', 'GET', `/api/articles/${id}?draft=true&depth=0`)
    expect(JSON.stringify(stored.body.body)).not.toContain('evil.example')
  })

  it('every rich-text field is checked: a service description, and a text block nested in a page', async () => {
    const service = { ...contentData('services', support), description: withLink('//evil.example') }
    const refusedService = await rest('editor', 'POST', '/api/services', service)
    expect(refusedService.status, refusedService.text).toBe(400)
    expect(fieldErrors(refusedService.body).find((entry) => entry.path === 'description')?.message).toContain(linkProblem('//evil.example'))

    const page = { title: unique('Page'), layout: [{ blockType: 'richText', content: withLink('javascript:alert(document.cookie)') }] }
    const refusedPage = await rest('editor', 'POST', '/api/pages', page)
    expect(refusedPage.status, refusedPage.text).toBe(400)
    expect(fieldErrors(refusedPage.body).map((entry) => entry.message).join(' ')).toContain(linkProblem('javascript:alert(document.cookie)'))
  })
})
