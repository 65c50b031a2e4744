import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { needsAllServices, PageBlocks } from '@/components/blocks/PageBlocks'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { getPage, listServices } from '@/lib/cms/queries'
import { currencyFor } from '@/lib/format'
import { metadataFor, siteSettings } from '@/lib/site'
import { socialImagePath } from '@/lib/og/social-image'

type Props = { params: Promise<{ slug: string[] }> }

export function generateStaticParams() {
  return []
}

/** CMS pages have one-segment slugs ("about"); deeper paths are not pages. */
function pageSlug(segments: string[]): string | undefined {
  return segments.length === 1 && /^[a-z0-9-]+$/.test(segments[0]!) ? segments[0] : undefined
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = pageSlug((await params).slug)
  // Metadata never fails the page: without the CMS the page's own error message is shown instead.
  const page = slug ? await getPage(slug).catch(() => undefined) : null
  if (page === undefined) return {}
  if (!page || !slug) return { title: 'Page not found' }
  return metadataFor({
    title: page.meta?.title || page.title,
    description: page.meta?.description || `${page.title}`,
    path: `/${slug}`,
    image: page.meta?.image,
    generatedImage: socialImagePath('pages', slug, page.updatedAt),
  })
}

export default async function CmsPage({ params }: Props) {
  const slug = pageSlug((await params).slug)
  if (!slug) notFound()
  const [page, settings] = await Promise.all([getPage(slug), siteSettings()])
  if (!page) notFound()
  const allServices = needsAllServices(page.layout) ? await listServices() : []
  const startsWithHero = page.layout[0]?.blockType === 'hero'

  return (
    <div className="container">
      <Breadcrumbs
        crumbs={[
          { name: 'Home', path: '/' },
          { name: page.title, path: `/${slug}` },
        ]}
      />
      {startsWithHero ? null : <h1>{page.title}</h1>}
      <PageBlocks blocks={page.layout} allServices={allServices} currency={currencyFor(settings?.address.country)} />
    </div>
  )
}
