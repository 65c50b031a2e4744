/**
 * The end of an exhaustive switch over block types. Its `never` parameter makes a block type the
 * renderer does not know a type error; at run time (content newer than the site) it renders nothing.
 */
export function unhandledBlock(block: never): null {
  console.warn(`[blocks] No renderer for block type "${(block as { blockType?: string }).blockType}"; skipped.`)
  return null
}
