import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { contentCollections } from '@clinic/cms-types'
import { AppointmentRequests } from '@/collections/AppointmentRequests'
import { Articles } from '@/collections/Articles'
import { Conditions } from '@/collections/Conditions'
import { Exercises } from '@/collections/Exercises'
import { Media } from '@/collections/Media'
import { maxUploadBytes } from '@/collections/Media/limits'
import { Pages } from '@/collections/Pages'
import { Services } from '@/collections/Services'
import { Team } from '@/collections/Team'
import { Users } from '@/collections/Users'
import { env } from '@/env'
import { Announcement } from '@/globals/Announcement'
import { Navigation } from '@/globals/Navigation'
import { SiteSettings } from '@/globals/SiteSettings'
import { clientErrorsAs400 } from '@/hooks/client-errors-as-400'
import { databaseAdapter } from '@/lib/database'
import { onInit } from '@/lib/on-init'
import { queryGuard } from '@/lib/query-guard'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Clinic CMS' },
  },
  collections: [Articles, Services, Exercises, Conditions, Pages, Team, Media, AppointmentRequests, Users],
  globals: [SiteSettings, Navigation, Announcement],
  editor: lexicalEditor(),
  secret: env.payloadSecret,
  db: databaseAdapter(env.databaseUri),
  sharp,
  upload: { limits: { fileSize: maxUploadBytes } },
  cors: [env.siteUrl],
  csrf: [env.siteUrl],
  graphQL: { disablePlaygroundInProduction: true, maxComplexity: 1000 },
  maxDepth: 5,
  defaultDepth: 1,
  telemetry: false,
  typescript: {
    outputFile: path.resolve(dirname, '../../../packages/cms-types/src/payload-types.ts'),
    declare: false,
  },
  hooks: { afterError: [clientErrorsAs400] },
  jobs: {
    // Runs scheduled publishing; the CMS is a long-running server, so it polls every minute.
    autoRun: env.nodeEnv === 'test' ? [] : [{ cron: '* * * * *', queue: 'default', limit: 20 }],
    access: { run: ({ req }) => Boolean(req.user) },
  },
  plugins: [
    queryGuard(),
    seoPlugin({
      // SEO fields carry no field access of their own, so marketers may edit them everywhere.
      collections: [...contentCollections],
      uploadsCollection: 'media',
      tabbedUI: false,
      generateTitle: ({ doc }) => {
        const title = (doc as { title?: string; name?: string }).title ?? (doc as { name?: string }).name
        return title ? String(title) : ''
      },
      generateDescription: ({ doc }) => {
        const d = doc as { excerpt?: string; summary?: string }
        return String(d.excerpt ?? d.summary ?? '')
      },
    }),
  ],
  onInit,
})
