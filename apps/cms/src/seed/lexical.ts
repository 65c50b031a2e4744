import { randomBytes } from 'node:crypto'
import type { Article } from '@clinic/cms-types'

/**
 * A small builder for Lexical rich-text JSON, shaped exactly like what Payload's lexical editor
 * (Lexical 0.50) stores: root → paragraph / heading / list → listitem → text, plus block nodes
 * for the article blocks (callout, exerciseEmbed, serviceEmbed).
 */

/** The stored shape of any rich-text field in this CMS. */
export type RichText = Article['body']

type Direction = 'ltr' | 'rtl' | null

export type TextNode = {
  type: 'text'
  version: 1
  detail: 0
  format: number
  mode: 'normal'
  style: ''
  text: string
}

type ElementBase = {
  version: 1
  direction: Direction
  format: ''
  indent: number
}

export type ParagraphNode = ElementBase & {
  type: 'paragraph'
  children: TextNode[]
  textFormat: number
  textStyle: ''
}

export type HeadingNode = ElementBase & {
  type: 'heading'
  tag: 'h2' | 'h3'
  children: TextNode[]
}

export type ListItemNode = ElementBase & {
  type: 'listitem'
  value: number
  children: TextNode[]
}

export type ListNode = ElementBase & {
  type: 'list'
  listType: 'bullet' | 'number'
  start: 1
  tag: 'ul' | 'ol'
  children: ListItemNode[]
}

export type CalloutFields = { blockType: 'callout'; tone: 'info' | 'warning' | 'red-flag'; title?: string; body: string }
export type ExerciseEmbedFields = { blockType: 'exerciseEmbed'; exercise: number; note?: string }
export type ServiceEmbedFields = { blockType: 'serviceEmbed'; service: number; note?: string }
export type BlockFields = CalloutFields | ExerciseEmbedFields | ServiceEmbedFields

export type BlockNode = {
  type: 'block'
  version: 2
  format: ''
  fields: BlockFields & { id: string; blockName: string }
}

export type TopLevelNode = ParagraphNode | HeadingNode | ListNode | BlockNode

/** Text format bit flags, as Lexical stores them. */
const FORMAT = { bold: 1, italic: 2 } as const

/** A piece of inline text: a plain string, or a text node made with `bold()` / `italic()`. */
export type Inline = string | TextNode

export function text(value: string, format = 0): TextNode {
  return { type: 'text', version: 1, detail: 0, format, mode: 'normal', style: '', text: value }
}

export const bold = (value: string): TextNode => text(value, FORMAT.bold)
export const italic = (value: string): TextNode => text(value, FORMAT.italic)

function inline(parts: Inline[]): TextNode[] {
  return parts.filter((part) => part !== '').map((part) => (typeof part === 'string' ? text(part) : part))
}

export function paragraph(...parts: Inline[]): ParagraphNode {
  const children = inline(parts)
  return {
    type: 'paragraph',
    version: 1,
    children,
    direction: children.length > 0 ? 'ltr' : null,
    format: '',
    indent: 0,
    textFormat: children[0]?.format ?? 0,
    textStyle: '',
  }
}

function heading(tag: 'h2' | 'h3', parts: Inline[]): HeadingNode {
  const children = inline(parts)
  return { type: 'heading', version: 1, tag, children, direction: 'ltr', format: '', indent: 0 }
}

export const h2 = (...parts: Inline[]): HeadingNode => heading('h2', parts)
export const h3 = (...parts: Inline[]): HeadingNode => heading('h3', parts)

function list(listType: 'bullet' | 'number', items: (Inline | Inline[])[]): ListNode {
  return {
    type: 'list',
    version: 1,
    listType,
    start: 1,
    tag: listType === 'bullet' ? 'ul' : 'ol',
    direction: 'ltr',
    format: '',
    indent: 0,
    children: items.map((item, index) => ({
      type: 'listitem',
      version: 1,
      value: index + 1,
      children: inline(Array.isArray(item) ? item : [item]),
      direction: 'ltr',
      format: '',
      indent: 0,
    })),
  }
}

/** A bulleted list; each item is a string or an array of inline parts. */
export const bullets = (...items: (Inline | Inline[])[]): ListNode => list('bullet', items)
/** A numbered list; each item is a string or an array of inline parts. */
export const numbered = (...items: (Inline | Inline[])[]): ListNode => list('number', items)

/** A 24-hex-character id, the form Payload gives blocks and array rows. */
export function objectId(): string {
  return randomBytes(12).toString('hex')
}

export function block(fields: BlockFields): BlockNode {
  return { type: 'block', version: 2, format: '', fields: { id: objectId(), blockName: '', ...fields } }
}

export const callout = (tone: CalloutFields['tone'], title: string, body: string): BlockNode =>
  block({ blockType: 'callout', tone, title, body })

export const exerciseEmbed = (exercise: number, note?: string): BlockNode =>
  block(note ? { blockType: 'exerciseEmbed', exercise, note } : { blockType: 'exerciseEmbed', exercise })

export const serviceEmbed = (service: number, note?: string): BlockNode =>
  block(note ? { blockType: 'serviceEmbed', service, note } : { blockType: 'serviceEmbed', service })

/** Wraps top-level nodes in a Lexical editor state. Plain strings become paragraphs. */
export function richText(...nodes: (TopLevelNode | string)[]): RichText {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: nodes.map((node) => (typeof node === 'string' ? paragraph(node) : node)),
    },
  }
}

/** Several plain paragraphs as a rich-text value. */
export const paragraphs = (...texts: string[]): RichText => richText(...texts)
