import type { Page, Service } from '@clinic/cms-types'
import { CallToAction } from './CallToAction'
import { Faq } from './Faq'
import { Hero } from './Hero'
import { RichTextSection } from './RichTextSection'
import { ServicesGrid } from './ServicesGrid'
import { Testimonials } from './Testimonials'
import { unhandledBlock } from './unhandled-block'

/** One layout block of a CMS page; the union comes from the generated types. */
export type PageBlock = Page['layout'][number]

type Props = {
  blocks: PageBlock[]
  /** Every published service, for services grids left empty in the CMS. */
  allServices: Service[]
  currency: string
}

/** Renders a page's layout blocks in order, each picked by its blockType. */
export function PageBlocks({ blocks, allServices, currency }: Props) {
  return (
    <>
      {blocks.map((block, index) => {
        const key = block.id ?? index
        switch (block.blockType) {
          case 'hero':
            return <Hero key={key} block={block} isFirst={index === 0} />
          case 'richText':
            return <RichTextSection key={key} block={block} />
          case 'callToAction':
            return <CallToAction key={key} block={block} />
          case 'servicesGrid':
            return <ServicesGrid key={key} block={block} allServices={allServices} currency={currency} />
          case 'faq':
            return <Faq key={key} block={block} />
          case 'testimonials':
            return <Testimonials key={key} block={block} />
          default:
            return unhandledBlock(block)
        }
      })}
    </>
  )
}

/** Whether any services grid on the page needs the full list of services. */
export function needsAllServices(blocks: PageBlock[]): boolean {
  return blocks.some((block) => block.blockType === 'servicesGrid' && (block.services ?? []).length === 0)
}
