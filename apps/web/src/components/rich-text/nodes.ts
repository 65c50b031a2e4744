import type { CalloutBlock, ExerciseEmbedBlock, Media, ServiceEmbedBlock } from '@clinic/cms-types'

/**
 * The Lexical node shapes the site renders, as Payload's lexical editor stores them. The stored
 * JSON is typed loosely by the generated types (`children: { type: any }[]`), so the renderer
 * narrows each node by its `type` here.
 */

/** Blocks an article body may contain. A block added to the CMS editor must be added here. */
export type ArticleBodyBlock = CalloutBlock | ExerciseEmbedBlock | ServiceEmbedBlock

/** The stored shape of any rich-text field. */
export type RichTextValue = {
  root: { type: string; children: { type: unknown; version: number; [key: string]: unknown }[] }
  [key: string]: unknown
}

export type TextNode = { type: 'text'; text: string; format?: number }
export type LineBreakNode = { type: 'linebreak' }
export type TabNode = { type: 'tab' }
export type LinkNode = {
  type: 'link' | 'autolink'
  fields?: {
    url?: string
    newTab?: boolean
    linkType?: 'custom' | 'internal'
    doc?: { relationTo?: string; value?: unknown }
  }
  children: InlineNode[]
}
export type InlineNode = TextNode | LineBreakNode | TabNode | LinkNode

export type ParagraphNode = { type: 'paragraph'; children: InlineNode[] }
export type HeadingNode = { type: 'heading'; tag: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6'; children: InlineNode[] }
export type QuoteNode = { type: 'quote'; children: InlineNode[] }
export type ListItemNode = { type: 'listitem'; children: (InlineNode | ListNode)[]; checked?: boolean }
export type ListNode = { type: 'list'; listType: 'bullet' | 'number' | 'check'; start?: number; children: ListItemNode[] }
export type HorizontalRuleNode = { type: 'horizontalrule' }
export type UploadNode = { type: 'upload'; relationTo?: string; value: number | string | Media }
export type BlockNode = { type: 'block'; fields: ArticleBodyBlock }

export type BlockLevelNode =
  | ParagraphNode
  | HeadingNode
  | QuoteNode
  | ListNode
  | HorizontalRuleNode
  | UploadNode
  | BlockNode

/** Lexical text format bit flags. */
export const textFormat = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const
