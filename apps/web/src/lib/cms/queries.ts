import 'server-only'
import {
  collectionSlugs,
  collectionTag,
  documentTag,
  globalSlugs,
  globalTag,
  type Announcement,
  type Article,
  type Condition,
  type Exercise,
  type Media,
  type Navigation,
  type Page,
  type Service,
  type SiteSetting,
  type Team,
} from '@clinic/cms-types'
import { env } from '@/env'
import { currentPreview } from '@/lib/preview/session'
import { CmsRequestError, CmsUnavailableError, cmsRead, type Query } from './fetch'
import { isPossibleSlug } from './possible-slug'

type ListResponse<T> = { docs: T[]; totalDocs: number; totalPages: number; page: number }

/**
 * While `next build` prerenders, the CMS may be down: the build must still succeed. cmsRead then
 * marks the route as rendered per request (see renderAtRequestTimeIfBuilding), so the prerender
 * stops there and nothing empty is cached; the fallback is only a last resort for code that runs
 * at build time without a request to defer to. At run time the error propagates, so a failed render
 * is never cached.
 */
async function duringBuildOr<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (env.isBuildPhase && error instanceof CmsUnavailableError) {
      console.warn(`[cms] ${error.message}; using empty content.`)
      return fallback
    }
    throw error
  }
}

type SluggedCollection = 'articles' | 'services' | 'exercises' | 'conditions' | 'pages' | 'team'

/**
 * The fields the site shows of a *related* document (cards, embeds, links, bylines, images): the
 * CMS returns populated relationships with these only (Payload's `populate`), not whole. Without
 * it the flagship article at depth 2 is ~320 KB of JSON (every related service with its related
 * conditions and their rich text, every image with every size's metadata) instead of ~36 KB: the
 * CMS serialises it and the site parses and stores it again after every publish, which is time
 * spent between "publish" and "visible". The documents asked for themselves always come whole.
 */
export const relatedFields = {
  articles: ['title', 'slug', 'excerpt', 'heroImage', 'publishedAt', 'readingTime'] satisfies (keyof Article)[],
  services: ['name', 'slug', 'summary', 'durations', 'pressureLevel', 'image'] satisfies (keyof Service)[],
  exercises: ['name', 'slug', 'summary', 'targetArea', 'difficulty'] satisfies (keyof Exercise)[],
  conditions: ['name', 'slug', 'summary'] satisfies (keyof Condition)[],
  pages: ['title', 'slug'] satisfies (keyof Page)[],
  team: ['name', 'slug', 'jobTitle', 'credentials', 'clinicalCredentials'] satisfies (keyof Team)[],
  // `url` is computed from `filename`, so both are asked for.
  media: ['alt', 'filename', 'url', 'width', 'height', 'sizes'] satisfies (keyof Media)[],
}

export const populateQuery: Query = Object.fromEntries(
  Object.entries(relatedFields).flatMap(([collection, fields]) =>
    fields.map((field) => [`populate[${collection}][${field}]`, true] as const),
  ),
)

/** Payload's `select`: the CMS reads and sends only these fields (and the id). */
const selectQuery = (fields: readonly string[]): Query => Object.fromEntries(fields.map((field) => [`select[${field}]`, true]))

// An article card (lists, home, feed) shows these; never the body, whose rich text is most of an
// article's weight (a list of 20 at depth 1 was ~300 KB with it).
const articleCardFields = [...relatedFields.articles, 'author', 'updatedAt'] satisfies (keyof Article)[]

async function findBySlug<T>(collection: SluggedCollection, slug: string, depth: number): Promise<T | null> {
  // A slug the CMS could never have stored (too long, or characters a slug can't have) is a 404
  // without a CMS read, a cache entry or a cache tag: junk addresses cost nothing.
  if (!isPossibleSlug(slug)) return null
  try {
    return await findStoredSlug<T>(collection, slug, depth)
  } catch (error) {
    // The CMS refused the query (4xx, e.g. 431 for an address it finds too long): nothing there.
    if (error instanceof CmsRequestError) return null
    throw error
  }
}

async function findStoredSlug<T>(collection: SluggedCollection, slug: string, depth: number): Promise<T | null> {
  const tags = [collectionTag(collection), documentTag(collection, slug)]
  const query: Query = { 'where[slug][equals]': slug, depth, limit: 1, ...populateQuery }
  // An editor's preview shows the draft of its one document (matched by id, so a draft that
  // changed the slug still shows); every other document stays the published version.
  const preview = await currentPreview()
  if (preview?.collection === collection) {
    const draft = await cmsRead<ListResponse<T>>(collection, { tags, draft: true, query: { ...query, 'where[id][equals]': preview.id } })
    if (draft.docs[0]) return draft.docs[0]
  }
  const result = await cmsRead<ListResponse<T>>(collection, { tags, query })
  return result.docs[0] ?? null
}

async function list<T>(collection: SluggedCollection, query: Query): Promise<T[]> {
  return duringBuildOr(
    async () =>
      (
        await cmsRead<ListResponse<T>>(collection, {
          tags: [collectionTag(collection)],
          query: { limit: 100, ...query, ...populateQuery },
        })
      ).docs,
    [],
  )
}

export const getArticle = (slug: string) => findBySlug<Article>(collectionSlugs.articles, slug, 2)
export const getService = (slug: string) => findBySlug<Service>(collectionSlugs.services, slug, 1)
export const getExercise = (slug: string) => findBySlug<Exercise>(collectionSlugs.exercises, slug, 1)
export const getCondition = (slug: string) => findBySlug<Condition>(collectionSlugs.conditions, slug, 2)
export const getPage = (slug: string) => findBySlug<Page>(collectionSlugs.pages, slug, 2)

export const listArticles = (limit = 100) =>
  list<Article>(collectionSlugs.articles, { sort: '-publishedAt', depth: 1, limit, ...selectQuery(articleCardFields) })

/** Articles per page of /articles. */
export const articlesPerPage = 24

/** The highest page number the CMS answers (Payload refuses `page` above 100000 with a 400). */
export const maxArchivePage = 100_000

export type ArticlesPage = { articles: Article[]; page: number; totalPages: number; totalDocs: number }

/** One page of /articles (1-based), newest first; out-of-range pages come back empty. */
export async function listArticlesPage(page: number): Promise<ArticlesPage> {
  const empty: ArticlesPage = { articles: [], page, totalPages: 0, totalDocs: 0 }
  // Past the CMS's own page limit (it answers 400): an empty page, without asking.
  if (!Number.isSafeInteger(page) || page < 1 || page > maxArchivePage) return empty
  return duringBuildOr(async () => {
    const result = await cmsRead<ListResponse<Article>>(collectionSlugs.articles, {
      tags: [collectionTag(collectionSlugs.articles)],
      query: { sort: '-publishedAt', depth: 1, limit: articlesPerPage, page, ...selectQuery(articleCardFields), ...populateQuery },
    })
    return { articles: result.docs, page, totalPages: result.totalPages, totalDocs: result.totalDocs }
  }, empty)
}

/** What a sitemap needs of a document. */
export type SitemapDoc = { slug?: string | null; updatedAt: string }

// Big pages: a sitemap reads every published document, and each page is one cached request.
// The CMS gives an anonymous caller at most 100 documents a page (its request budget).
const sitemapReadSize = 100

/** Every published document of a collection (slug and date only), however many there are. */
export async function listAllForSitemap(collection: SluggedCollection): Promise<SitemapDoc[]> {
  return duringBuildOr(async () => {
    const docs: SitemapDoc[] = []
    for (let page = 1; ; page++) {
      const result = await cmsRead<ListResponse<SitemapDoc>>(collection, {
        tags: [collectionTag(collection)],
        query: { sort: 'id', depth: 0, limit: sitemapReadSize, page, ...selectQuery(['slug', 'updatedAt']) },
      })
      docs.push(...result.docs)
      if (page >= result.totalPages) return docs
    }
  }, [])
}
export const listServices = () => list<Service>(collectionSlugs.services, { sort: 'displayOrder', depth: 1 })
export const listExercises = () => list<Exercise>(collectionSlugs.exercises, { sort: 'name', depth: 1 })
export const listConditions = () => list<Condition>(collectionSlugs.conditions, { sort: 'name', depth: 0 })
export const listPages = () => list<Page>(collectionSlugs.pages, { sort: 'title', depth: 0 })
export const listTeam = () => list<Team>(collectionSlugs.team, { sort: 'displayOrder', depth: 1 })

async function readGlobal<T>(slug: (typeof globalSlugs)[keyof typeof globalSlugs], depth = 1): Promise<T | null> {
  return duringBuildOr(() => cmsRead<T>(`globals/${slug}`, { tags: [globalTag(slug)], query: { depth } }), null)
}

export const getSiteSettings = () => readGlobal<SiteSetting>(globalSlugs.siteSettings)
export const getNavigation = () => readGlobal<Navigation>(globalSlugs.navigation, 0)
export const getAnnouncement = () => readGlobal<Announcement>(globalSlugs.announcement, 0)
