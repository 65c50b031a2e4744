import { env } from '@/env'
import { populated } from '@/lib/cms/populated'
import { listArticles } from '@/lib/cms/queries'
import { renderRss } from '@/lib/rss'
import { clinicName } from '@/lib/site'

// Cached like the pages, and purged with the articles' collection tag. Not `force-static`: that
// would freeze an empty feed into the cache when `next build` cannot reach the CMS (see cmsRead).
export const revalidate = false

export async function GET(): Promise<Response> {
  const [articles, name] = await Promise.all([listArticles(50), clinicName()])
  const xml = renderRss({
    title: `${name}: articles`,
    siteUrl: env.siteUrl,
    feedUrl: `${env.siteUrl}/feed.xml`,
    description: `Health articles from ${name}.`,
    items: articles
      .filter((article) => article.slug)
      .map((article) => ({
        title: article.title,
        url: `${env.siteUrl}/articles/${article.slug}`,
        description: article.excerpt,
        publishedAt: article.publishedAt,
        author: populated(article.author)?.name,
      })),
  })
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
