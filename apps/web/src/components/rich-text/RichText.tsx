import { Link } from '@/components/Link'
import { Fragment, type ReactNode } from 'react'
import { ArticleBlock } from '@/components/blocks/ArticleBlock'
import { CmsImage } from '@/components/CmsImage'
import { isAllowedLink } from '@clinic/cms-types'
import { isExternal, pathFor } from '@/lib/links'
import {
  textFormat,
  type BlockLevelNode,
  type InlineNode,
  type LinkNode,
  type ListItemNode,
  type ListNode,
  type RichTextValue,
  type TextNode,
} from './nodes'

function renderText(node: TextNode, key: number): ReactNode {
  const format = node.format ?? 0
  let out: ReactNode = node.text
  if (format & textFormat.code) out = <code>{out}</code>
  if (format & textFormat.subscript) out = <sub>{out}</sub>
  if (format & textFormat.superscript) out = <sup>{out}</sup>
  if (format & textFormat.strikethrough) out = <s>{out}</s>
  if (format & textFormat.underline) out = <u>{out}</u>
  if (format & textFormat.italic) out = <em>{out}</em>
  if (format & textFormat.bold) out = <strong>{out}</strong>
  return <Fragment key={key}>{out}</Fragment>
}

function linkHref(node: LinkNode): string | undefined {
  const fields = node.fields ?? {}
  if (fields.linkType === 'internal') {
    const value = fields.doc?.value
    const slug = typeof value === 'object' && value !== null ? (value as { slug?: string }).slug : undefined
    return fields.doc?.relationTo ? pathFor(fields.doc.relationTo, slug) : undefined
  }
  const url = fields.url?.trim()
  // Only web, mail and phone links, fragments and site paths; never javascript: or data: URLs, and
  // never a "path" a browser resolves to another site (`/\evil.example`, `//evil.example`). The same
  // check as the CMS's at save (linkProblem in @clinic/cms-types), for content stored before it.
  if (!url) return undefined
  return isAllowedLink(url) ? url : undefined
}

function renderInline(nodes: InlineNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return renderText(node, index)
      case 'linebreak':
        return <br key={index} />
      case 'tab':
        return <Fragment key={index}>{'\t'}</Fragment>
      case 'link':
      case 'autolink': {
        const href = linkHref(node)
        const children = renderInline(node.children ?? [])
        if (!href) return <Fragment key={index}>{children}</Fragment>
        if (isExternal(href)) {
          const newTab = node.fields?.newTab
          return (
            <a key={index} href={href} {...(newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
              {children}
            </a>
          )
        }
        return (
          <Link key={index} href={href}>
            {children}
          </Link>
        )
      }
      default:
        // Inline nodes the site does not know (e.g. a new editor feature) keep their text, if any.
        return <Fragment key={index}>{renderUnknown(node)}</Fragment>
    }
  })
}

function renderUnknown(node: unknown): ReactNode {
  const children = (node as { children?: InlineNode[] }).children
  return Array.isArray(children) ? renderInline(children) : null
}

function renderListItem(item: ListItemNode, index: number): ReactNode {
  const nested = item.children.filter((child): child is ListNode => child.type === 'list')
  const inline = item.children.filter((child): child is InlineNode => child.type !== 'list')
  return (
    <li key={index}>
      {renderInline(inline)}
      {nested.map((list, i) => renderBlockNode(list, i))}
    </li>
  )
}

function renderBlockNode(node: BlockLevelNode, index: number): ReactNode {
  switch (node.type) {
    case 'paragraph': {
      if (!node.children?.length) return null
      return <p key={index}>{renderInline(node.children)}</p>
    }
    case 'heading': {
      const Tag = node.tag
      return <Tag key={index}>{renderInline(node.children ?? [])}</Tag>
    }
    case 'quote':
      return <blockquote key={index}>{renderInline(node.children ?? [])}</blockquote>
    case 'list': {
      const items = (node.children ?? []).map(renderListItem)
      return node.listType === 'number' ? (
        <ol key={index} start={node.start && node.start !== 1 ? node.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul key={index}>{items}</ul>
      )
    }
    case 'horizontalrule':
      return <hr key={index} />
    case 'upload':
      return (
        <figure key={index} className="rich-text__figure">
          <CmsImage media={node.value} size="card" sizes="(min-width: 48rem) 42rem, 100vw" />
        </figure>
      )
    case 'block':
      return <ArticleBlock key={node.fields.id ?? index} block={node.fields} />
    default:
      return <Fragment key={index}>{renderUnknown(node)}</Fragment>
  }
}

/** Renders a Lexical rich-text value (paragraphs, headings, lists, links, formatting, blocks). */
export function RichText({ value, className = 'rich-text' }: { value: RichTextValue | null | undefined; className?: string }) {
  const nodes = (value?.root?.children ?? []) as unknown as BlockLevelNode[]
  if (nodes.length === 0) return null
  return <div className={className}>{nodes.map(renderBlockNode)}</div>
}
