import type { MetadataRoute } from 'next'
import { env } from '@/env'
import { listArticles, listConditions, listExercises, listPages, listServices } from '@/lib/cms/queries'

type Dated = { slug?: string | null; updatedAt: string }

/** Published documents only: the site reads the CMS anonymously, and drafts are never readable that way. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, services, exercises, conditions, pages] = await Promise.all([
    listArticles(),
    listServices(),
    listExercises(),
    listConditions(),
    listPages(),
  ])
  const entry = (path: string, lastModified?: string): MetadataRoute.Sitemap[number] => ({
    url: `${env.siteUrl}${path}`,
    ...(lastModified ? { lastModified } : {}),
  })
  const newest = (docs: Dated[]) => docs.map((doc) => doc.updatedAt).sort().at(-1)
  const documents = (prefix: string, docs: Dated[]) =>
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
