import type { ArticleBodyBlock } from '@/components/rich-text/nodes'
import { Callout } from './Callout'
import { ExerciseEmbed } from './ExerciseEmbed'
import { ServiceEmbed } from './ServiceEmbed'
import { unhandledBlock } from './unhandled-block'

/** Renders one block of an article body, picked by its blockType. */
export function ArticleBlock({ block }: { block: ArticleBodyBlock }) {
  switch (block.blockType) {
    case 'callout':
      return <Callout block={block} />
    case 'exerciseEmbed':
      return <ExerciseEmbed block={block} />
    case 'serviceEmbed':
      return <ServiceEmbed block={block} />
    default:
      return unhandledBlock(block)
  }
}
