import type { Payload, Where } from 'payload'
import type { Condition } from '@clinic/cms-types'
import { env } from '@/env'
import { articles } from './content/articles'
import { announcement, navigation, siteSettings } from './content/clinic'
import { exercises } from './content/exercises'
import { mediaSeeds, type MediaKey } from './content/media'
import { pages } from './content/pages'
import { privacy, privacySlug } from './content/privacy'
import { sciatica, sciaticaSlug } from './content/sciatica'
import { services } from './content/services'
import { teamSeeds } from './content/team'
import type { Refs } from './content/types'
import { renderJpeg } from './images'

/**
 * The demo seed: a fictional clinic with its team, the sciatica condition page, five services,
 * home exercises, articles, About and Contact pages, settings and navigation.
 *
 * Idempotent: every document is looked up first (by slug, by email for users, by alt text or file
 * name for images) and only created when missing; globals are only filled while still empty. A second
 * run changes nothing. Existing content is never overwritten.
 */

export type SeedReport = {
  created: Record<string, number>
  skipped: Record<string, number>
}

/** Passed to every write, so the site-revalidation hooks stay quiet while seeding. */
const context = { disableRevalidate: true }

const devDefaults = { email: 'admin@example.com', password: 'clinic-dev-password' }

/** Document ids. The generated types say `number` (SQLite); on MongoDB they are strings at run time. */
type Id = number

type CollectionName = 'users' | 'service-accounts' | 'media' | 'team' | 'conditions' | 'services' | 'exercises' | 'articles' | 'pages'
type GlobalName = 'site-settings' | 'navigation' | 'announcement'

class Seeder {
  readonly report: SeedReport = { created: {}, skipped: {} }

  constructor(readonly payload: Payload) {}

  /** Makes sure `name` shows in both counts, even when nothing happened. */
  touch(name: string): void {
    this.report.created[name] ??= 0
    this.report.skipped[name] ??= 0
  }

  count(kind: 'created' | 'skipped', name: string): void {
    this.touch(name)
    this.report[kind][name] = (this.report[kind][name] ?? 0) + 1
  }

  summarise(name: string, plural = name): void {
    this.touch(name)
    const created = this.report.created[name] ?? 0
    const skipped = this.report.skipped[name] ?? 0
    this.payload.logger.info(`seed: created ${created} ${plural}, skipped ${skipped} (already present)`)
  }

  async findId(collection: CollectionName, where: Where): Promise<Id | undefined> {
    const { docs } = await this.payload.find({
      collection,
      where,
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    return docs[0]?.id as Id | undefined
  }

  /** Creates a document unless one matching `where` exists; returns the id either way. */
  async ensure(
    collection: CollectionName,
    label: string,
    where: Where,
    create: () => Promise<{ id: unknown }>,
  ): Promise<Id> {
    const existing = await this.findId(collection, where)
    if (existing !== undefined) {
      this.count('skipped', collection)
      return existing
    }
    try {
      const doc = await create()
      this.count('created', collection)
      return doc.id as Id
    } catch (error) {
      throw new Error(`seed: could not create ${collection} "${label}": ${describe(error)}`, { cause: error })
    }
  }

  /** Creates a published document in a versioned collection unless its slug is taken. */
  async ensurePublished(collection: Exclude<CollectionName, 'users' | 'media'>, slug: string, data: object): Promise<Id> {
    return this.ensure(collection, slug, { slug: { equals: slug } }, () =>
      this.payload.create({
        collection,
        data: { ...data, slug, _status: 'published' } as never,
        draft: false,
        overrideAccess: true,
        context,
      }),
    )
  }
}

/** A readable message for Payload validation errors, which keep their details in `data.errors`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const details = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  if (!details?.length) return error.message
  return `${error.message} (${details.map((d) => `${d.path ?? '?'}: ${d.message ?? ''}`).join('; ')})`
}

async function seedUsers(s: Seeder): Promise<void> {
  const { payload } = s
  const createUser = (email: string, password: string, name: string, role: 'admin' | 'editor' | 'marketer') =>
    s.ensure('users', email, { email: { equals: email } }, () =>
      payload.create({
        collection: 'users',
        data: { email, password, name, role },
        overrideAccess: true,
        context,
      }),
    )

  const given = env.seedAdmin
  if (env.isProduction) {
    if (given.email && given.password) {
      await createUser(given.email, given.password, 'Clinic Admin', 'admin')
    } else {
      payload.logger.info(
        'seed: no admin account created (production without SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD). ' +
          'Create the first admin at /admin.',
      )
    }
    s.summarise('users')
    return
  }

  const email = given.email ?? devDefaults.email
  const password = given.password ?? devDefaults.password
  const before = s.report.created.users ?? 0
  await createUser(email, password, 'Clinic Admin', 'admin')
  if ((s.report.created.users ?? 0) > before && (!given.email || !given.password)) {
    payload.logger.warn(
      `seed: WARNING: created the admin account ${email} with DEVELOPMENT-ONLY default credentials` +
        `${given.password ? '' : ` (password "${devDefaults.password}")`}. Never use them on a real site. ` +
        'To choose your own, set SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD before seeding a fresh database, ' +
        'or change the password under Staff accounts in /admin.',
    )
  }
  // Accounts for trying the other roles; development only.
  await createUser('editor@example.com', password, 'Demo Editor', 'editor')
  await createUser('marketer@example.com', password, 'Demo Marketer', 'marketer')
  s.summarise('users')
}

/**
 * The site's booking account: an API key that can only create appointment requests. Development
 * uses the site's development key; elsewhere only when SEED_BOOKING_API_KEY is given.
 */
async function seedBookingAccount(s: Seeder): Promise<void> {
  const apiKey = env.seedBookingApiKey
  if (!apiKey) {
    s.payload.logger.info('seed: no booking service account created (set SEED_BOOKING_API_KEY, or create one under Service accounts in /admin).')
    return
  }
  const name = 'Website booking form'
  await s.ensure('service-accounts', name, { name: { equals: name } }, () =>
    s.payload.create({
      collection: 'service-accounts',
      data: { name, purpose: 'booking', enableAPIKey: true, apiKey },
      overrideAccess: true,
      context,
    }),
  )
  s.summarise('service-accounts', 'service accounts')
}

async function seedMedia(s: Seeder): Promise<Record<MediaKey, Id>> {
  const ids = {} as Record<MediaKey, Id>
  for (const [key, image] of Object.entries(mediaSeeds) as [MediaKey, (typeof mediaSeeds)[MediaKey]][]) {
    ids[key] = await s.ensure(
      'media',
      image.filename,
      { or: [{ alt: { equals: image.alt } }, { filename: { equals: image.filename } }] },
      async () => {
        const data = await renderJpeg(image.spec)
        return s.payload.create({
          collection: 'media',
          data: { alt: image.alt },
          file: { data, mimetype: 'image/jpeg', name: image.filename, size: data.length },
          overrideAccess: true,
          context,
        })
      },
    )
  }
  s.summarise('media', 'images')
  return ids
}

/** Links the condition to the services, exercises and articles that point at it, while its lists are empty. */
async function linkCondition(s: Seeder, id: Id, refs: Refs, articleIds: Id[]): Promise<void> {
  const condition = (await s.payload.findByID({
    collection: 'conditions',
    id,
    depth: 0,
    overrideAccess: true,
  })) as unknown as Condition
  const isEmpty = (list: unknown) => !Array.isArray(list) || list.length === 0
  if (!isEmpty(condition.relatedServices) || !isEmpty(condition.relatedExercises) || !isEmpty(condition.relatedArticles)) {
    return
  }
  await s.payload.update({
    collection: 'conditions',
    id,
    data: {
      relatedServices: Object.values(refs.services),
      relatedExercises: Object.values(refs.exercises),
      relatedArticles: articleIds,
      _status: 'published',
    },
    draft: false,
    depth: 0,
    overrideAccess: true,
    context,
  })
  s.payload.logger.info('seed: linked the sciatica condition to its services, exercises and articles')
}

async function seedGlobal(
  s: Seeder,
  slug: GlobalName,
  isEmpty: (current: Record<string, unknown>) => boolean,
  data: object,
): Promise<void> {
  const current = (await s.payload.findGlobal({ slug, depth: 0, overrideAccess: true })) as Record<string, unknown>
  if (!isEmpty(current)) {
    s.count('skipped', slug)
    s.payload.logger.info(`seed: ${slug} already filled in, left as is`)
    return
  }
  try {
    await s.payload.updateGlobal({ slug, data: data as never, depth: 0, overrideAccess: true, context })
  } catch (error) {
    throw new Error(`seed: could not fill ${slug}: ${describe(error)}`, { cause: error })
  }
  s.count('created', slug)
  s.payload.logger.info(`seed: filled ${slug}`)
}

const blank = (value: unknown) => value === undefined || value === null || value === ''
const noRows = (value: unknown) => !Array.isArray(value) || value.length === 0

export async function seed(payload: Payload): Promise<SeedReport> {
  const s = new Seeder(payload)
  payload.logger.info('seed: starting (existing documents are kept, missing ones are created)')

  await seedBookingAccount(s)
  const media = await seedMedia(s)

  const team = { author: 0, reviewer: 0 } as Refs['team']
  for (const member of teamSeeds) {
    team[member.key] = await s.ensurePublished('team', member.slug, member.build({ media }))
  }
  s.summarise('team', 'team members')

  const sciaticaId = await s.ensurePublished('conditions', sciaticaSlug, sciatica({ team }))
  s.summarise('conditions')

  const refs: Refs = { media, team, sciatica: sciaticaId, services: {}, exercises: {} }

  for (const service of services) {
    refs.services[service.slug] = await s.ensurePublished('services', service.slug, service.build(refs))
  }
  s.summarise('services')

  for (const exercise of exercises) {
    refs.exercises[exercise.slug] = await s.ensurePublished('exercises', exercise.slug, exercise.build(refs))
  }
  s.summarise('exercises')

  const articleIds: Id[] = []
  for (const article of articles) {
    articleIds.push(await s.ensurePublished('articles', article.slug, article.build(refs)))
  }
  s.summarise('articles')

  await linkCondition(s, sciaticaId, refs, articleIds)

  for (const page of pages) {
    await s.ensurePublished('pages', page.slug, page.build(refs))
  }
  await s.ensurePublished('pages', privacySlug, privacy())
  s.summarise('pages')

  await seedGlobal(s, 'site-settings', (current) => blank(current.clinicName), siteSettings(refs))
  await seedGlobal(s, 'navigation', (current) => noRows(current.header) && noRows(current.footer), navigation)
  await seedGlobal(s, 'announcement', (current) => blank(current.text) && !current.enabled, announcement)

  // Last: a start seeds while the database has no account (lib/on-init.ts), so a first start cut
  // short (Ctrl-C, a crash, kill -9) is finished by the next one instead of leaving half the demo.
  await seedUsers(s)

  const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0)
  payload.logger.info(
    `seed: done: created ${total(s.report.created)}, skipped ${total(s.report.skipped)} (already present)`,
  )
  return s.report
}
