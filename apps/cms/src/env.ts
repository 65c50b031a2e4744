import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { clinicTimezones } from './lib/timezones'

/**
 * The one place the CMS reads its environment. A bad value stops start-up with a message
 * that names the variable and says how to fix it.
 */

const placeholderSecrets = new Set([
  'change-me',
  'changeme',
  'secret',
  'YOUR_SECRET_HERE',
  'replace-with-a-long-random-string',
  'dev-secret',
])

const appRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URI: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => !value || /^(file:|mongodb(\+srv)?:\/\/)/.test(value), {
      message: 'must start with file: (embedded SQLite) or mongodb:// / mongodb+srv:// (MongoDB)',
    }),
  PAYLOAD_SECRET: z.string().trim().optional(),
  CMS_URL: z.url().optional(),
  PORT: z.coerce.number().int().positive().default(3001),
  SITE_URL: z.url().default('http://localhost:3000'),
  SITE_REVALIDATE_SECRET: z.string().trim().optional(),
  SITE_PREVIEW_SECRET: z.string().trim().optional(),
  SEED_ON_START: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  SEED_ADMIN_EMAIL: z.email().optional(),
  SEED_ADMIN_PASSWORD: z.string().min(12, { message: 'must be at least 12 characters (the password policy)' }).optional(),
  MEDIA_DIR: z.string().trim().optional(),
  // The API key the seed gives the site's booking service account (the site's BOOKING_API_KEY).
  // Development defaults to the site's development key; production seeds none unless set.
  SEED_BOOKING_API_KEY: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  // How often the CMS looks for due jobs (scheduled publishing). Five fields (minute …), or six
  // with seconds first: the end-to-end tests use every second.
  // The clinic's time zone: the schedule drawer's default (one of the admin's zones, Payload's list).
  CLINIC_TIMEZONE: z
    .string()
    .trim()
    .default('America/Toronto')
    .refine((value) => clinicTimezones.some((zone) => zone.value === value), {
      message: 'must be one of the admin\'s time zones, e.g. "America/Toronto", "America/Vancouver", "UTC"',
    }),
  JOBS_AUTORUN_CRON: z
    .string()
    .trim()
    .default('* * * * *')
    .refine((value) => /^[\d*/,-]+( [\d*/,-]+){4,5}$/.test(value), {
      message: 'must be a cron expression of 5 fields ("* * * * *": every minute) or 6 with seconds first ("*/2 * * * * *")',
    }),
  // Failed booking emails are tried again after these waits, in milliseconds, one per retry (then
  // given up as failed): 1, 5, 15 and 60 minutes. Tests use short ones.
  BOOKING_EMAIL_RETRY_DELAYS_MS: z
    .string()
    .trim()
    .default('60000,300000,900000,3600000')
    .refine((value) => /^\d{1,10}(,\d{1,10}){0,9}$/.test(value), {
      message: 'must be 1 to 10 waits in milliseconds, separated by commas, e.g. "60000,300000,900000,3600000"',
    })
    .transform((value) => value.split(',').map(Number)),
  // Uploads on S3-compatible storage (AWS S3, Cloudflare R2, MinIO, Garage…) instead of MEDIA_DIR.
  S3_BUCKET: z.string().trim().optional().transform((value) => (value ? value : undefined)),
  S3_REGION: z.string().trim().default('us-east-1'),
  S3_ENDPOINT: z.url({ message: 'must be the storage service address, e.g. https://s3.eu-west-1.amazonaws.com' }).optional().or(z.literal('').transform(() => undefined)),
  S3_ACCESS_KEY_ID: z.string().trim().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  // Outgoing email (password resets, booking notifications). Without SMTP_HOST emails are written
  // to the CMS's log instead of being sent: fine for development, a warning in production.
  SMTP_HOST: z.string().trim().optional().transform((value) => (value ? value : undefined)),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  SMTP_USER: z.string().trim().optional(),
  SMTP_PASS: z.string().optional(),
  EMAIL_FROM_ADDRESS: z.email({ message: 'must be an email address, e.g. hello@clinic.example' }).default('no-reply@clinic.example'),
  EMAIL_FROM_NAME: z.string().trim().min(1).default('Willowbank Clinic'),
  // Login throttling: counters in Redis when set (several CMS instances share them), else in memory.
  REDIS_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => !value || /^rediss?:\/\//.test(value), { message: 'must start with redis:// or rediss://' }),
  // How many reverse proxies in front of the CMS append to X-Forwarded-For. 0 (default): the
  // header is ignored and the client is the TCP peer.
  TRUSTED_PROXY: z.coerce
    .number({ message: 'must be a whole number of proxies (0, 1, 2…)' })
    .int({ message: 'must be a whole number of proxies (0, 1, 2…)' })
    .min(0)
    .max(10)
    .default(0),
})

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  - ${issue.path.join('.') || '(env)'}: ${issue.message}`)
    .join('\n')
}

const parsed = schema.safeParse(process.env)
if (!parsed.success) {
  throw new Error(`The CMS cannot start: its environment is invalid.\n${describeIssues(parsed.error)}\nSee apps/cms/.env.example.`)
}

const raw = parsed.data
// `next build` runs with NODE_ENV=production but must not need production secrets.
const isBuildPhase = process.env.NEXT_PHASE === 'phase-production-build'
const isProduction = raw.NODE_ENV === 'production' && !isBuildPhase

/** A per-checkout secret for local development, kept in the git-ignored data folder. */
function localDevSecret(): string {
  const dataDir = path.join(appRoot, 'data')
  const file = path.join(dataDir, '.payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/**
 * The addresses the admin is served from. Payload only honours a staff login cookie on requests
 * from these origins (CSRF protection), so without the CMS's own address no one could save.
 * Production servers must name it (see `assertServerEnv`); scripts (the seed, an import) need not.
 */
function resolveCmsOrigins(): string[] {
  if (raw.CMS_URL) return [new URL(raw.CMS_URL).origin]
  return [`http://localhost:${raw.PORT}`, `http://127.0.0.1:${raw.PORT}`]
}

function resolveSecret(): string {
  const given = raw.PAYLOAD_SECRET
  if (given && (placeholderSecrets.has(given) || given.length < 32)) {
    if (isProduction) {
      throw new Error(
        'The CMS refuses to start: PAYLOAD_SECRET is a placeholder or shorter than 32 characters. ' +
          'Set it to a long random value, e.g. `openssl rand -hex 32`.',
      )
    }
  }
  if (given) return given
  if (isProduction) {
    throw new Error(
      'The CMS refuses to start: PAYLOAD_SECRET is not set. In production it must be a long random value, ' +
        'e.g. `openssl rand -hex 32`.',
    )
  }
  if (isBuildPhase) return 'build-time-secret-not-used-to-sign-anything-at-runtime'
  return localDevSecret()
}

export const env = {
  nodeEnv: raw.NODE_ENV,
  isProduction,
  appRoot,
  databaseUri: raw.DATABASE_URI ?? `file:${path.join(appRoot, 'data', 'clinic.db')}`,
  payloadSecret: resolveSecret(),
  /** The clinic's IANA time zone: scheduled publishing defaults to it. */
  clinicTimezone: raw.CLINIC_TIMEZONE,
  /** Cron for Payload's in-process job runner (scheduled publishing and unpublishing). */
  jobsAutorunCron: raw.JOBS_AUTORUN_CRON,
  /** The waits before each retry of a failed booking email (ms); attempts in all: one more than retries. */
  bookingEmailRetryDelaysMs: raw.BOOKING_EMAIL_RETRY_DELAYS_MS,
  /** Where uploaded images are stored on local disk (unless `s3` is set). */
  mediaDir: raw.MEDIA_DIR ? path.resolve(raw.MEDIA_DIR) : path.join(appRoot, 'media'),
  /** S3-compatible storage for uploads, when S3_BUCKET is set; credentials may also come from the AWS SDK's own chain. */
  s3: raw.S3_BUCKET
    ? {
        bucket: raw.S3_BUCKET,
        region: raw.S3_REGION,
        endpoint: raw.S3_ENDPOINT,
        forcePathStyle: raw.S3_FORCE_PATH_STYLE,
        credentials:
          raw.S3_ACCESS_KEY_ID && raw.S3_SECRET_ACCESS_KEY
            ? { accessKeyId: raw.S3_ACCESS_KEY_ID, secretAccessKey: raw.S3_SECRET_ACCESS_KEY }
            : undefined,
      }
    : undefined,
  siteUrl: raw.SITE_URL,
  cmsOrigins: resolveCmsOrigins(),
  // Shared with the site (its REVALIDATE_SECRET / PREVIEW_SECRET). Development uses the same fixed
  // values on both sides so `pnpm dev` works out of the box; production has no defaults.
  // An empty value turns revalidation off (the CMS's own tests run without a site).
  siteRevalidateSecret: raw.SITE_REVALIDATE_SECRET ?? (raw.NODE_ENV === 'production' ? undefined : 'dev-revalidate-secret'),
  sitePreviewSecret: raw.SITE_PREVIEW_SECRET ?? (raw.NODE_ENV === 'production' ? undefined : 'dev-preview-secret'),
  /** The CMS's own public address: links in emails (password reset) point here. */
  serverUrl: raw.CMS_URL ? new URL(raw.CMS_URL).origin : `http://localhost:${raw.PORT}`,
  /** SMTP settings; undefined means emails go to the log (development and tests without a server). */
  smtp: raw.SMTP_HOST
    ? {
        host: raw.SMTP_HOST,
        port: raw.SMTP_PORT,
        secure: raw.SMTP_SECURE,
        auth: raw.SMTP_USER ? { user: raw.SMTP_USER, pass: raw.SMTP_PASS ?? '' } : undefined,
      }
    : undefined,
  emailFrom: { address: raw.EMAIL_FROM_ADDRESS, name: raw.EMAIL_FROM_NAME },
  /** Shared store for login throttling; undefined keeps the counters in this process. */
  redisUrl: raw.REDIS_URL,
  /** Reverse proxies in front of the CMS whose X-Forwarded-For entries are believed (0: none). */
  trustedProxies: raw.TRUSTED_PROXY,
  /** Dev start-up seeds an empty database unless told otherwise; production never does by itself. */
  seedOnStart: raw.SEED_ON_START ?? raw.NODE_ENV === 'development',
  seedBookingApiKey: raw.SEED_BOOKING_API_KEY ?? (raw.NODE_ENV === 'production' ? undefined : 'dev-booking-api-key-development-only'),
  seedAdmin: {
    email: raw.SEED_ADMIN_EMAIL,
    password: raw.SEED_ADMIN_PASSWORD,
  },
} as const

export type Env = typeof env

/** Checks what a production server needs beyond what scripts need; called when the server starts. */
export function assertServerEnv(): void {
  if (isProduction && !raw.CMS_URL) {
    throw new Error(
      'The CMS refuses to start: CMS_URL is not set. Set it to the public address of the CMS (e.g. https://cms.clinic.example); ' +
        'logged-in staff can only save from that address.',
    )
  }
}
