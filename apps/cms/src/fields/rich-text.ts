import { linkProblem } from '@clinic/cms-types'
import { lexicalEditor, LinkFeature, type FeatureProviderServer } from '@payloadcms/richtext-lexical'
import type { Field, TextFieldSingleValidation } from 'payload'

type EditorProvider = ReturnType<typeof lexicalEditor>

type Node = { type?: unknown; text?: unknown; children?: unknown; fields?: unknown }
type LinkFields = { linkType?: unknown; url?: unknown }

const textOf = (node: Node): string =>
  typeof node.text === 'string' ? node.text : Array.isArray(node.children) ? node.children.map((child) => textOf((child ?? {}) as Node)).join('') : ''

const shorten = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/**
 * The first link in a rich-text value (Lexical JSON: links and autolinks, in blocks too) that the
 * site would not put on a page, as a message naming the link's text; undefined when all are fine.
 * The check is the CTA links' one (linkProblem), shared with the site's rich-text renderer.
 */
export function richTextLinkProblem(value: unknown): string | undefined {
  const seen = new Set<unknown>()
  const visit = (node: unknown): string | undefined => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return undefined
    seen.add(node)
    if (Array.isArray(node)) {
      for (const child of node) {
        const problem = visit(child)
        if (problem) return problem
      }
      return undefined
    }
    const { type, fields } = node as Node
    if ((type === 'link' || type === 'autolink') && fields && typeof fields === 'object') {
      const { linkType, url } = fields as LinkFields
      if (linkType !== 'internal') {
        const text = shorten(textOf(node as Node).trim() || 'without text')
        if (typeof url !== 'string' || url === '') return `The link “${text}” has no address. Enter a path such as /book or a full address starting with https://.`
        const problem = linkProblem(url)
        if (problem) return `The link “${text}” (${shorten(JSON.stringify(url).slice(1, -1), 60)}): ${problem}`
      }
    }
    for (const child of Object.values(node)) {
      const problem = visit(child)
      if (problem) return problem
    }
    return undefined
  }
  return visit(value)
}

/** The link drawer's address field: the same check, shown under the field while staff type. */
const validateLinkUrl: TextFieldSingleValidation = (value, { siblingData }) => {
  if ((siblingData as LinkFields | undefined)?.linkType === 'internal') return true
  if (typeof value !== 'string' || value === '') return 'Enter a path such as /book or a full address starting with https://.'
  return linkProblem(value) ?? true
}

/**
 * Payload's link feature with its address field checked like every other link staff enter. Its own
 * check only refuses spaces, and its hook silently percent-encodes what it cannot parse; here a bad
 * address is refused with a message instead of being stored changed.
 */
const clinicLinkFeature = LinkFeature({
  fields: ({ defaultFields }) =>
    defaultFields.map((field) => (field.name === 'url' ? ({ ...field, hooks: {}, validate: validateLinkUrl } as Field) : (field as Field))),
})

/**
 * The rich-text editor of every field (the config's default and the article body's): Payload's
 * defaults with the link feature above, and a save-time check that names the offending link (the
 * link node's own validation only says "The following fields are invalid: url").
 */
export function clinicEditor(extraFeatures: FeatureProviderServer<any, any, any>[] = []): EditorProvider {
  const provider = lexicalEditor({
    // In place of the default link feature (same position: the toolbar and the import map stay as they were).
    features: ({ defaultFeatures }) => [...defaultFeatures.map((feature) => (feature.key === 'link' ? clinicLinkFeature : feature)), ...extraFeatures],
  })
  return async (args: Parameters<EditorProvider>[0]) => {
    const adapter = await provider(args)
    const validate = adapter.validate
    return {
      ...adapter,
      validate: async (value: unknown, options: Parameters<typeof validate>[1]) => richTextLinkProblem(value) ?? validate(value as never, options),
    }
  }
}
