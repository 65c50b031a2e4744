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
import { CmsUnavailableError, cmsRead, type Query } from './fetch'

type ListResponse<T> = { docs: T[]; totalDocs: number }

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

async function findBySlug<T>(collection: SluggedCollection, slug: string, depth: number): Promise<T | null> {
  const result = await cmsRead<ListResponse<T>>(collection, {
    tags: [collectionTag(collection), documentTag(collection, slug)],
    query: { 'where[slug][equals]': slug, depth, limit: 1, ...populateQuery },
  })
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
  list<Article>(collectionSlugs.articles, { sort: '-publishedAt', depth: 1, limit })
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
