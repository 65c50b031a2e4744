/**
 * A helper for tests/transfer.test.ts, run as its own process on one database
 * (`node scripts/run-ts.mjs tests/helpers/transfer-probe.ts <command> …`, DATABASE_URI naming the database):
 *
 *   prepare                          adds to a seeded database what the seed lacks: an unpublished
 *                                    draft edit (with relationship, upload and internal-link nodes in
 *                                    its rich text) plus an autosave on a published article, a
 *                                    never-published article, a second published version of a service,
 *                                    an appointment request and a scheduled publish job
 *   snapshot <out.json> <email> <password>
 *                                    writes what the Local API serves (depth 1, so Payload itself
 *                                    resolves every reference) with every document id replaced by its
 *                                    natural key (slug, email, file name), then checks the login
 *
 * Reading references through Payload's own population keeps the test independent of the transfer's
 * reference walker.
 */
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'

const { default: config } = await import('@payload-config')
const { getPayload } = await import('payload')
type Payload = import('payload').Payload
type CollectionSlug = import('payload').CollectionSlug
type GlobalSlug = import('payload').GlobalSlug

const payload: Payload = await getPayload({ config })
const [command, ...args] = process.argv.slice(2)
const context = { disableRevalidate: true }
const local = { overrideAccess: true, context } as const

type Doc = Record<string, unknown> & { id: number | string }

async function one(collection: CollectionSlug, slug: string): Promise<Doc> {
  const { docs } = await payload.find({ collection, where: { slug: { equals: slug } }, depth: 0, limit: 1, draft: true, ...local })
  const doc = docs[0] as Doc | undefined
  if (!doc) throw new Error(`No ${collection} with slug ${slug}`)
  return doc
}

const hex = () => randomBytes(12).toString('hex')
const text = (value: string) => ({ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text: value })

async function prepare(): Promise<void> {
  const article = await one('articles', 'sciatica-and-massage')
  const service = await one('services', 'deep-tissue-massage')
  const swedish = await one('services', 'swedish-massage')
  const condition = await one('conditions', 'sciatica')
  const { docs: media } = await payload.find({ collection: 'media', depth: 0, limit: 1, sort: 'filename', ...local })
  const { docs: users } = await payload.find({ collection: 'users', depth: 0, limit: 1, sort: 'email', ...local })
  const image = media[0] as Doc
  const body = structuredClone(article.body) as { root: { children: unknown[] } }
  body.root.children.push(
    {
      type: 'paragraph',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      children: [
        text('Read more about '),
        {
          type: 'link',
          version: 3,
          id: hex(),
          direction: 'ltr',
          format: '',
          indent: 0,
          fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'services', value: service.id } },
          children: [text('deep tissue massage')],
        },
        text('.'),
      ],
    },
    { type: 'upload', version: 3, format: '', id: hex(), fields: null, relationTo: 'media', value: image.id },
    { type: 'relationship', version: 2, format: '', relationTo: 'conditions', value: condition.id },
  )

  // An unpublished draft edit of a published article, then an autosave on top of it.
  await payload.update({
    collection: 'articles',
    id: article.id,
    draft: true,
    data: { title: 'Sciatica and massage (draft rewrite)', body: body as never, _status: 'draft' },
    ...local,
  })
  await payload.update({
    collection: 'articles',
    id: article.id,
    draft: true,
    autosave: true,
    data: { excerpt: 'An autosaved excerpt that nobody has published yet.', _status: 'draft' },
    ...local,
  })

  // A never-published article: its document itself is a draft.
  const author = (await payload.find({ collection: 'team', depth: 0, limit: 1, ...local })).docs[0] as Doc
  const draftOnly = await payload.create({
    collection: 'articles',
    draft: true,
    data: {
      title: 'A draft nobody has published',
      slug: 'draft-only-article',
      excerpt: 'Work in progress.',
      body: body as never,
      author: author.id as number,
      conditions: [condition.id as number],
      relatedServices: [swedish.id as number, service.id as number],
      _status: 'draft',
    },
    ...local,
  })

  // A second published version of a service.
  await payload.update({
    collection: 'services',
    id: swedish.id,
    draft: false,
    data: { summary: `${String(swedish.summary)} Now with longer sessions.`, _status: 'published' },
    ...local,
  })

  await payload.create({
    collection: 'appointment-requests',
    data: {
      name: 'Sam Example',
      email: 'sam@example.com',
      preferredService: service.id as number,
      preferredTimes: 'Weekday mornings',
      consent: true,
      consentVersion: '2026-11-30',
      status: 'new',
    },
    ...local,
  })

  // A scheduled publish of the draft-only article, as the admin's "Schedule" button queues it.
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: {
      type: 'publish',
      doc: { relationTo: 'articles', value: String(draftOnly.id) },
      user: { relationTo: 'users', value: (users[0] as Doc).id },
    } as never,
    waitUntil: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000),
  })
  console.log('prepared')
}

/** What identifies a document across databases. */
function naturalKey(doc: Record<string, unknown>): string {
  const key = doc.slug ?? doc.email ?? doc.filename
  if (typeof key === 'string') return key
  if (typeof doc.taskSlug === 'string') return `${doc.taskSlug}@${String(doc.waitUntil)}`
  return `${String(doc.name ?? '')}@${String(doc.createdAt)}`
}

const isDocument = (value: Record<string, unknown>) => 'id' in value && 'createdAt' in value && 'updatedAt' in value

/**
 * Replaces every populated document below the top by `→<natural key>`, drops the top-level id,
 * and drops empty values (SQLite returns null for what MongoDB leaves out).
 */
function normalize(value: unknown, top = true): unknown {
  if (Array.isArray(value)) return value.map((item) => normalize(item, false))
  if (!value || typeof value !== 'object') return value
  const object = value as Record<string, unknown>
  if (!top && isDocument(object)) return `→${naturalKey(object)}`
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(object)) {
    if (top && key === 'id') continue
    if (item === null || item === undefined) continue
    out[key] = normalize(item, false)
  }
  return out
}

async function snapshot(file: string, email: string, password: string): Promise<void> {
  const collections = payload.config.collections
    .map((collection) => collection.slug)
    .filter((slug) => !slug.startsWith('payload-') || slug === 'payload-jobs') as CollectionSlug[]
  // Ids → natural keys, for the one reference Payload does not populate: a job's input.
  const keyOf = new Map<string, string>()
  for (const collection of collections) {
    const { docs } = await payload.find({ collection, depth: 0, limit: 0, pagination: false, draft: true, ...local })
    for (const doc of docs as Doc[]) keyOf.set(`${collection}:${String(doc.id)}`, naturalKey(doc))
  }
  const byKey = (docs: unknown[]) =>
    docs.map((doc) => normalize(doc) as Record<string, unknown>).sort((a, b) => (naturalKey(a) < naturalKey(b) ? -1 : 1))

  const out: Record<string, unknown> = { adapter: payload.db.name }
  for (const collection of collections) {
    const read = { collection, depth: 1, limit: 0, pagination: false, showHiddenFields: true, ...local } as const
    const { docs } = await payload.find({ ...read, draft: false })
    if (collection === 'payload-jobs') {
      for (const job of docs as Array<{ input?: { doc?: { relationTo: string; value: unknown }; user?: { relationTo: string; value: unknown } } }>) {
        for (const ref of [job.input?.doc, job.input?.user]) {
          if (ref) ref.value = `→${keyOf.get(`${ref.relationTo}:${String(ref.value)}`) ?? `unknown id ${String(ref.value)}`}`
        }
      }
    }
    const entry: Record<string, unknown> = { docs: byKey(docs) }
    if (payload.collections[collection]?.config.versions) {
      entry.latestDrafts = byKey((await payload.find({ ...read, draft: true })).docs)
      const { docs: versions } = await payload.findVersions({ collection, depth: 1, limit: 0, pagination: false, sort: 'createdAt', ...local })
      entry.versions = versions
        .map((version) => {
          const { parent, latest, autosave, ...rest } = normalize(version) as Record<string, unknown>
          // findVersions leaves `parent` as an id.
          const parentKey = typeof parent === 'string' && parent.startsWith('→') ? parent : `→${keyOf.get(`${collection}:${String(parent)}`) ?? `unknown id ${String(parent)}`}`
          return { parent: parentKey, latest: Boolean(latest), autosave: Boolean(autosave), ...rest } as Record<string, unknown>
        })
        .sort((a, b) => (JSON.stringify([a.parent, a.createdAt, a]) < JSON.stringify([b.parent, b.createdAt, b]) ? -1 : 1))
    }
    out[collection] = entry
  }
  for (const { slug } of payload.config.globals) {
    out[`global:${slug}`] = normalize(await payload.findGlobal({ slug: slug as GlobalSlug, depth: 1, ...local }))
  }

  // Last, as logging in writes to the account (session, login attempts).
  try {
    const result = await payload.login({ collection: 'users', data: { email, password }, overrideAccess: true })
    out.login = { ok: Boolean(result.token), email: result.user?.email }
  } catch (error) {
    out.login = { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
  writeFileSync(file, JSON.stringify(out, null, 1))
  console.log(`snapshot written to ${file}`)
}

try {
  if (command === 'prepare') await prepare()
  else if (command === 'snapshot' && args.length === 3) await snapshot(args[0]!, args[1]!, args[2]!)
  else throw new Error('usage: transfer-probe.ts prepare | snapshot <out.json> <email> <password>')
} catch (error) {
  console.error(error)
  process.exit(1)
}
process.exit(0)
