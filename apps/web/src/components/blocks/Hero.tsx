import type { HeroBlock } from '@clinic/cms-types'
import { ButtonLink } from '@/components/ButtonLink'
import { CmsImage } from '@/components/CmsImage'

/** The opening band of a page: heading, a line of text, an optional image and button. */
export function Hero({ block, isFirst = false }: { block: HeroBlock; isFirst?: boolean }) {
  const Heading = isFirst ? 'h1' : 'h2'
  return (
    <section className="hero">
      <div className="hero__text">
        <Heading>{block.heading}</Heading>
        {block.subheading ? <p className="hero__lead">{block.subheading}</p> : null}
        {block.ctaLabel && block.ctaUrl ? <ButtonLink href={block.ctaUrl}>{block.ctaLabel}</ButtonLink> : null}
      </div>
      <CmsImage media={block.image} size="hero" sizes="(min-width: 64rem) 32rem, 100vw" priority={isFirst} className="hero__image" />
    </section>
  )
}
