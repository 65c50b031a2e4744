import type { Block, Field, PayloadRequest, SanitizedConfig } from 'payload'
import type { Id } from './format'

/**
 * Finds every reference to another document inside a document's data by walking the field
 * configs (not by guessing from key names), and rewrites it through `resolve`:
 *
 * - relationship and upload fields: single, hasMany and polymorphic `{ relationTo, value }`;
 * - at any depth inside groups, arrays, blocks, tabs, rows and collapsibles;
 * - inside Lexical rich text: `relationship` and `upload` nodes (`{ relationTo, value }`), and the
 *   sub-fields of any node that has them (block and inline-block nodes per the block's config,
 *   `link` nodes whose `fields.doc` is `{ relationTo, value }`, upload nodes' extra fields), as the
 *   editor's own features describe them.
 */

/** What became of an id: its new id, not created yet (a later pass fills it in), or not in the source. */
export type Resolution = { status: 'mapped'; id: Id } | { status: 'pending' } | { status: 'missing' }

export type Resolver = (collection: string, id: Id) => Resolution

export interface DroppedReference {
  path: string
  collection: string
  id: Id
}

export interface RemapResult {
  /** True when a reference pointed at a document not created yet and was left out for now. */
  pending: boolean
  /** References to documents the source itself did not have (dangling): they are cleared. */
  dropped: DroppedReference[]
}

interface WalkContext {
  resolve: Resolver
  config: SanitizedConfig
  req: Partial<PayloadRequest>
  result: RemapResult
}

type Data = Record<string, unknown>

/** The subset of the Lexical adapter this walker relies on. */
interface LexicalSubFields {
  editorConfig?: {
    features?: {
      getSubFields?: Map<string, (args: { node: Data; req: Partial<PayloadRequest> }) => Field[] | null | undefined>
      getSubFieldsData?: Map<string, (args: { node: Data; req: Partial<PayloadRequest> }) => Data | null | undefined>
    }
  }
}

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value)

const isId = (value: unknown): value is Id => typeof value === 'number' || (typeof value === 'string' && value !== '')

/** A stored reference is an id; a populated one is the document itself. */
function idOf(value: unknown): Id | undefined {
  if (isId(value)) return value
  if (isObject(value) && isId(value.id)) return value.id
  return undefined
}

/**
 * Rewrites one reference. Returns the new id, or `undefined` when the reference must be left out
 * (for now, when pending; for good, when missing).
 */
function rewrite(ctx: WalkContext, collection: string, value: unknown, path: string): Id | undefined {
  const id = idOf(value)
  if (id === undefined) return undefined
  const resolution = ctx.resolve(collection, id)
  if (resolution.status === 'mapped') return resolution.id
  if (resolution.status === 'pending') ctx.result.pending = true
  else ctx.result.dropped.push({ path, collection, id })
  return undefined
}

/** A relationship or upload field's value, in every shape it can take. */
function remapRelationValue(ctx: WalkContext, field: Field & { relationTo: string | string[]; hasMany?: boolean }, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return value
  const polymorphic = Array.isArray(field.relationTo)
  const one = (item: unknown, itemPath: string): unknown => {
    if (polymorphic) {
      if (!isObject(item) || typeof item.relationTo !== 'string') return undefined
      const id = rewrite(ctx, item.relationTo, item.value, itemPath)
      return id === undefined ? undefined : { ...item, value: id }
    }
    return rewrite(ctx, field.relationTo as string, item, itemPath)
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => one(item, `${path}.${index}`)).filter((item) => item !== undefined)
  }
  return one(value, path) ?? null
}

function blockConfigs(ctx: WalkContext, field: Field & { blocks?: Block[]; blockReferences?: (Block | string)[] }): Block[] {
  const listed = field.blockReferences ?? field.blocks ?? []
  return listed
    .map((block) => (typeof block === 'string' ? ctx.config.blocks?.find((candidate) => candidate.slug === block) : block))
    .filter((block): block is Block => Boolean(block))
}

function walkFields(ctx: WalkContext, fields: Field[], data: Data, path: string): void {
  for (const field of fields) {
    switch (field.type) {
      case 'row':
      case 'collapsible':
        walkFields(ctx, field.fields, data, path)
        break
      case 'group':
        if ('name' in field && field.name) {
          const value = data[field.name]
          if (isObject(value)) walkFields(ctx, field.fields, value, `${path}${field.name}.`)
        } else {
          walkFields(ctx, field.fields, data, path)
        }
        break
      case 'tabs':
        for (const tab of field.tabs) {
          if ('name' in tab && tab.name) {
            const value = data[tab.name]
            if (isObject(value)) walkFields(ctx, tab.fields, value, `${path}${tab.name}.`)
          } else {
            walkFields(ctx, tab.fields, data, path)
          }
        }
        break
      case 'array': {
        const rows = data[field.name]
        if (Array.isArray(rows)) {
          rows.forEach((row, index) => {
            if (isObject(row)) walkFields(ctx, field.fields, row, `${path}${field.name}.${index}.`)
          })
        }
        break
      }
      case 'blocks': {
        const rows = data[field.name]
        if (!Array.isArray(rows)) break
        const blocks = blockConfigs(ctx, field)
        rows.forEach((row, index) => {
          if (!isObject(row)) return
          const block = blocks.find((candidate) => candidate.slug === row.blockType)
          if (block) walkFields(ctx, block.fields, row, `${path}${field.name}.${index}.`)
        })
        break
      }
      case 'relationship':
      case 'upload': {
        if (!(field.name in data)) break
        data[field.name] = remapRelationValue(ctx, field, data[field.name], `${path}${field.name}`)
        break
      }
      case 'richText': {
        const value = data[field.name]
        if (isObject(value) && isObject(value.root)) {
          walkLexicalNode(ctx, field.editor as LexicalSubFields | undefined, value.root, `${path}${field.name}`)
        }
        break
      }
      default:
        // Scalars, json, code, point, select, ui and join (virtual) fields hold no references.
        break
    }
  }
}

function walkLexicalNode(ctx: WalkContext, editor: LexicalSubFields | undefined, node: Data, path: string): void {
  const type = typeof node.type === 'string' ? node.type : ''

  // Relationship and upload nodes keep their reference at the node's top level.
  if ((type === 'relationship' || type === 'upload') && typeof node.relationTo === 'string' && node.value !== undefined) {
    node.value = rewrite(ctx, node.relationTo, node.value, `${path}<${type}>`) ?? null
  }

  // Any node with sub-fields (blocks, inline blocks, links, upload fields): walk them per their config.
  const features = editor?.editorConfig?.features
  const getSubFields = features?.getSubFields?.get(type)
  const getSubFieldsData = features?.getSubFieldsData?.get(type)
  if (getSubFields && getSubFieldsData) {
    const subFields = getSubFields({ node, req: ctx.req as PayloadRequest })
    const subData = getSubFieldsData({ node, req: ctx.req as PayloadRequest })
    if (subFields?.length && isObject(subData)) walkFields(ctx, subFields, subData, `${path}<${type}>.`)
  }

  if (Array.isArray(node.children)) {
    node.children.forEach((child, index) => {
      if (isObject(child)) walkLexicalNode(ctx, editor, child, `${path}.${index}`)
    })
  }
}

/**
 * Rewrites every reference in `data` (changed in place: pass a copy) according to `fields`.
 * A reference whose target is pending or missing is left out: a single one becomes `null`, a
 * hasMany list loses the item, a rich-text node keeps its place with a `null` value.
 */
export function remapReferences(
  data: Data,
  fields: Field[],
  options: { resolve: Resolver; config: SanitizedConfig; req: Partial<PayloadRequest> },
): RemapResult {
  const result: RemapResult = { pending: false, dropped: [] }
  walkFields({ ...options, result }, fields, data, '')
  return result
}

/** The collections that `fields` can point at (relationship and upload fields, including inside blocks). */
export function referencedCollections(fields: Field[], config: SanitizedConfig): Set<string> {
  const found = new Set<string>()
  const visit = (list: Field[]) => {
    for (const field of list) {
      if (field.type === 'relationship' || field.type === 'upload') {
        for (const slug of Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]) found.add(slug)
      } else if (field.type === 'tabs') {
        for (const tab of field.tabs) visit(tab.fields)
      } else if (field.type === 'blocks') {
        const listed = field.blockReferences ?? field.blocks ?? []
        for (const block of listed) {
          const config_ = typeof block === 'string' ? config.blocks?.find((candidate) => candidate.slug === block) : block
          if (config_) visit(config_.fields)
        }
      } else if ('fields' in field && Array.isArray(field.fields)) {
        visit(field.fields)
      }
    }
  }
  visit(fields)
  return found
}
