import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { contentCollections } from '@clinic/cms-types'
import { AppointmentRequests } from '@/collections/AppointmentRequests'
import { Articles } from '@/collections/Articles'
import { Conditions } from '@/collections/Conditions'
import { Exercises } from '@/collections/Exercises'
import { Media } from '@/collections/Media'
import { maxImagePixels, maxUploadBytes } from '@/collections/Media/limits'
import { Pages } from '@/collections/Pages'
import { ServiceAccounts } from '@/collections/ServiceAccounts'
import { redirects } from '@/collections/Redirects'
import { Services } from '@/collections/Services'
import { Team } from '@/collections/Team'
import { Users } from '@/collections/Users'
import { env } from '@/env'
import { Announcement } from '@/globals/Announcement'
import { Navigation } from '@/globals/Navigation'
import { SiteSettings } from '@/globals/SiteSettings'
import { clientErrorsAs400 } from '@/hooks/client-errors-as-400'
import { logRouteError, routeErrorLoggingLevels } from '@/lib/log-levels'
import { emailReviewsDue, weeklyQueue } from '@/jobs/email-reviews-due'
import { databaseAdapter } from '@/lib/database'
import { emailAdapter } from '@/lib/email'
import { mediaStorage } from '@/lib/media-storage'
import { onInit } from '@/lib/on-init'
import { databaseFaultsAs503 } from '@/hooks/database-faults'
import { requestBudgetRule } from '@/lib/graphql-cost'
import { limits } from '@/lib/request-guard/check-request'
import { userIsAdmin } from '@/access'
import { previewGrantEndpoint } from '@/lib/preview'
import { deleteExpiredRequestsTask } from '@/jobs/delete-expired-requests'
import { pruneVersionsTask } from '@/jobs/prune-versions'
import { announcementEdgeTaskConfig, announcementEdgeCron, announcementEdgeQueue } from '@/jobs/announcement-edges'
import { sitePurgeCron, sitePurgeQueue, sitePurgeTaskConfig } from '@/lib/site-purge'
import { retryBookingEmailEndpoint, retryBookingEmailTaskConfig } from '@/lib/booking-emails'
import { siteUrlOf } from '@/lib/site-url'
import { acceptingNewJobs } from '@/lib/graceful-shutdown'
import { clinicTimezones } from '@/lib/timezones'
import { retryScheduledPublishEndpoint, withCheckedSchedules } from '@/lib/scheduled-publish'
import { clinicEditor } from './fields/rich-text'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default withCheckedSchedules(buildConfig({
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: dirname },
    meta: {
      titleSuffix: ' · Clinic CMS',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/clinic-icon.svg' }],
    },
    // The schedule drawer starts on the clinic's zone, and the saved event names it.
    timezones: { supportedTimezones: clinicTimezones, defaultTimezone: env.clinicTimezone },
    components: {
      graphics: { Logo: '@/components/admin/Brand#ClinicLogo', Icon: '@/components/admin/Brand#ClinicIcon' },
      beforeLogin: ['@/components/admin/Brand#ClinicBeforeLogin'],
      views: {
        // Staff whose role may not open a screen are told so, not "you must be logged in".
        unauthorized: { Component: '@/components/admin/NotAllowedView#NotAllowedView', path: '/unauthorized' },
        goingOut: { Component: '/components/admin/GoingOut#GoingOutView', path: '/going-out', meta: { title: 'What is going out' } },
        reviewsDue: { Component: '@/components/admin/ReviewsDueView#ReviewsDueView', path: '/reviews-due', meta: { title: 'Medical reviews due' } },
      },
      afterNavLinks: ['/components/admin/GoingOut#GoingOutNavLink', '@/components/admin/ReviewsDueNavLink#ReviewsDueNavLink'],
      beforeDashboard: ['@/components/admin/NeedsYou#NeedsYouNow'],
    },
  },
  // Payload's refusal, shown by the admin to staff whose role may not open a screen (and answered to
  // requests without a login): it said "you must be logged in" to people who were.
  i18n: {
    translations: {
      en: {
        error: {
          unauthorized: 'Your account may not open this page or make this request (logged out? Log in first).',
          notAllowedToAccessPage: 'Your role does not include it. If you need it, ask an administrator to do it for you or to change your role.',
        },
      },
    },
  },
  collections: [Articles, Services, Exercises, Conditions, Pages, Team, Media, AppointmentRequests, Users, ServiceAccounts],
  globals: [SiteSettings, Navigation, Announcement],
  // Links in rich text are checked like every other link staff enter (fields/rich-text.ts).
  editor: clinicEditor(),
  secret: env.payloadSecret,
  // Links in emails (password reset) are built from this address.
  serverURL: env.serverUrl,
  email: emailAdapter(),
  db: databaseAdapter(env.databaseUri),
  // Every image Payload decodes (resizing, focal point) is refused past the pixel limit.
  sharp: Object.assign(
    (input?: Parameters<typeof sharp>[0], options?: sharp.SharpOptions) => sharp(input as never, { limitInputPixels: maxImagePixels, ...options }),
    sharp,
  ) as unknown as typeof sharp,
  upload: { limits: { fileSize: maxUploadBytes } },
  // No CORS and no CSRF allowance for the site's origin: the site reads the CMS from its server
  // (no browser involved) and live preview is the admin framing the site (postMessage), so no
  // script on the public site can act with an editor's login.
  cors: [],
  csrf: [...env.cmsOrigins],
  graphQL: {
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    maxComplexity: 1000,
    validationRules: (args) => [requestBudgetRule(args.variableValues)],
  },
  maxDepth: limits.maxDepth,
  defaultDepth: 1,
  telemetry: false,
  typescript: {
    outputFile: path.resolve(dirname, '../../../packages/cms-types/src/payload-types.ts'),
    declare: false,
    // Types are regenerated by `pnpm generate:types` (and checked in CI), never as a side effect
    // of booting: a test run on MongoDB would otherwise rewrite every id type as a string.
    autoGenerate: false,
  },
  // Logged first, at the level the original error's status deserves; then a body that is not JSON → 400,
  // and a full/read-only disk or a lost database → 503 with Retry-After (hooks/database-faults).
  hooks: { afterError: [logRouteError, clientErrorsAs400, databaseFaultsAs503] },
  // Refusals (4xx) are logged by logRouteError at info/warn in one line; only faults at error.
  loggingLevels: routeErrorLoggingLevels,
  jobs: {
    // Only admins may run the queue by hand (`/api/payload-jobs/run`); the cron runs it as the system.
    access: { run: ({ req }) => userIsAdmin(req.user) },
    tasks: [deleteExpiredRequestsTask, emailReviewsDue, announcementEdgeTaskConfig, retryBookingEmailTaskConfig, pruneVersionsTask, sitePurgeTaskConfig],
    // After SIGTERM no new job starts; the running one finishes (lib/graceful-shutdown).
    shouldAutoRun: () => acceptingNewJobs(),
    // Runs scheduled publishing and unpublishing in the CMS's own process: it polls on JOBS_AUTORUN_CRON
    // (every minute unless told otherwise). A due job publishes through the Local API, so the same
    // hooks run as for a publish in the admin, and the site is told over HTTP (hooks/revalidate-site).
    // The weekly queue holds the medical-review reminder (its own schedule says when).
    autoRun:
      env.nodeEnv === 'test'
        ? []
        : [
            { cron: env.jobsAutorunCron, queue: 'default', limit: 20 },
            { cron: '*/10 * * * *', queue: weeklyQueue, limit: 5 },
            // The announcement's start and end: at most ~5 s late (jobs/announcement-edges).
            { cron: announcementEdgeCron, queue: announcementEdgeQueue, limit: 5 },
            // Purges the site has not confirmed yet (down, restarting): retried until it does (lib/site-purge).
            { cron: sitePurgeCron, queue: sitePurgeQueue, limit: 10 },
          ],
  },
  plugins: [
    redirects,
    mediaStorage(),
    seoPlugin({
      // SEO fields carry no field access of their own, so marketers may edit them everywhere.
      collections: [...contentCollections],
      uploadsCollection: 'media',
      tabbedUI: false,
      generateTitle: ({ doc }) => {
        const title = (doc as { title?: string; name?: string }).title ?? (doc as { name?: string }).name
        return title ? String(title) : ''
      },
      // The snippet preview shows the page's real address on the site.
      generateURL: ({ collectionSlug, doc }) => siteUrlOf(collectionSlug, (doc as { slug?: unknown }).slug),
      generateDescription: ({ doc }) => {
        const d = doc as { excerpt?: string; summary?: string }
        return String(d.excerpt ?? d.summary ?? '')
      },
    }),
  ],
  endpoints: [previewGrantEndpoint, retryScheduledPublishEndpoint, retryBookingEmailEndpoint],
  onInit,
}))
