import 'server-only'
import { env } from '@/env'
import type { SitemapEntry } from '@/lib/sitemap'
import { listAllForSitemap, type SitemapDoc } from './queries'

/**
 * Every public URL of the site: the fixed routes, then every published document (paged through,
 * however many there are). Published only: the site reads the CMS anonymously, and drafts are
 * never readable that way.
 */
export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const [articles, services, exercises, conditions, pages] = await Promise.all([
    listAllForSitemap('articles'),
    listAllForSitemap('services'),
    listAllForSitemap('exercises'),
    listAllForSitemap('conditions'),
    listAllForSitemap('pages'),
  ])
  const entry = (path: string, lastModified?: string): SitemapEntry => ({
    url: `${env.siteUrl}${path}`,
    ...(lastModified ? { lastModified } : {}),
  })
  const newest = (docs: SitemapDoc[]) => docs.reduce<string | undefined>((max, doc) => (!max || doc.updatedAt > max ? doc.updatedAt : max), undefined)
  const documents = (prefix: string, docs: SitemapDoc[]) =>
    docs.filter((doc) => doc.slug).map((doc) => entry(`${prefix}/${doc.slug}`, doc.updatedAt))

  return [
    entry('/', newest([...articles, ...services])),
    entry('/articles', newest(articles)),
    entry('/services', newest(services)),
    entry('/exercises', newest(exercises)),
    entry('/team'),
    entry('/book'),
    ...documents('/articles', articles),
    ...documents('/services', services),
    ...documents('/exercises', exercises),
    ...documents('/conditions', conditions),
    ...documents('', pages),
  ]
}
