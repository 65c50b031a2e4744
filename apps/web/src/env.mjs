import { z } from 'zod'

/**
 * The one place the site reads its environment. A bad value stops start-up (or the build) with a
 * message that names the variable and says how to fix it.
 *
 * Plain JavaScript, imported by next.config.mjs as it is: a TypeScript config makes `next start`
 * load the SWC compiler (~27 MB of resident memory for the server's whole life) just to read it.
 * Types: env.d.mts; the app imports it as `@/env` (env.ts).
 */

const optionalSecret = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  CMS_URL: z.url({ message: 'must be the full address of the CMS, e.g. http://localhost:3001' }).default('http://localhost:3001'),
  SITE_URL: z.url({ message: 'must be the full public address of the site, e.g. https://clinic.example' }).default('http://localhost:3000'),
  REVALIDATE_SECRET: optionalSecret,
  PREVIEW_SECRET: optionalSecret,
  // Where `next build` writes and `next start` reads the build; only the benchmark sets it
  // (.next/bench), so its build against a live CMS never replaces the regular one.
  NEXT_DIST_DIR: z.string().trim().optional(),
  // Shared state of several site instances (used preview grants); without it, this process's memory.
  // The booking form's service account key (CMS: Settings → Service accounts). It can only create
  // appointment requests. Development has a fixed default that the CMS's seed also uses.
  BOOKING_API_KEY: optionalSecret,
  // Shared store for the booking form's rate limits across site instances; without it, in-process.
  REDIS_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => !value || /^rediss?:\/\//.test(value), { message: 'must start with redis:// or rediss://' }),
  // Abuse limits of the booking form: submissions per source address per 10 minutes, all
  // submissions per 10 minutes, and the fewest seconds a person takes to fill it in.
  BOOKING_LIMIT_PER_SOURCE: z.coerce.number().int().min(1).max(1000).default(8),
  BOOKING_LIMIT_TOTAL: z.coerce.number().int().min(1).max(100000).default(200),
  BOOKING_MIN_FILL_SECONDS: z.coerce.number().min(0).max(600).default(3),
  // Open Graph images rendered in the background (lib/og/warm.ts): the newest N documents of each
  // collection at start and when a publish purges the collection. 0 turns the warming off.
  SOCIAL_IMAGE_WARM: z.coerce.number().int().min(0).max(1000).default(24),
  // How many reverse proxies in front of the site append to X-Forwarded-For (the shipped nginx
  // front cache is one). 0: the header is ignored, since any client can write it.
  TRUSTED_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  // The shipped front cache(s) (deploy/nginx), comma-separated: after a purge the site re-renders
  // the pages that carry the purged tags and replaces nginx's copies of them (src/lib/front-cache/).
  // varnish+http://… (or varnish-purge+http://…): a tag-purging Varnish (deploy/varnish, measured,
  // not shipped) gets a purge by tag (then a refill of the purged pages, unless varnish-purge+).
  FRONT_CACHE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.split(',').map((url) => url.trim().replace(/\/+$/, '')).filter(Boolean) : []))
    .refine((urls) => urls.every((url) => /^(varnish(-purge)?\+)?https?:\/\/[^/]+$/.test(url)), { message: 'must be the front cache address(es), e.g. http://127.0.0.1:8080 (comma-separated; varnish+http://… for a tag-purging Varnish)' }),
  // This instance's address as the front cache lists it (front-cache.mjs --site=…): its refreshes
  // after a purge name it, so nginx asks this instance and no other (default 127.0.0.1:PORT).
  SITE_INSTANCE_ADDRESS: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => !value || /^([\w.-]+|\[[0-9a-fA-F:.]+\]):\d{1,5}$/.test(value), { message: 'must be host:port as the front cache lists this instance, e.g. 10.0.0.11:3000' }),
})

const parsed = schema.safeParse(process.env)
if (!parsed.success) {
  const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`)
  throw new Error(`The site cannot start: its environment is invalid.\n${lines.join('\n')}\nSee apps/web/.env.example.`)
}
const raw = parsed.data

// `next build` runs with NODE_ENV=production but must not need the runtime secrets.
const isBuildPhase = process.env.NEXT_PHASE === 'phase-production-build'
const isProduction = raw.NODE_ENV === 'production' && !isBuildPhase

const minimumSecretLength = 16

/**
 * @param {'REVALIDATE_SECRET' | 'PREVIEW_SECRET'} name
 * @param {string} devValue
 * @returns {string}
 */
function requireSecret(name, devValue) {
  const value = raw[name]
  if (value && value.length >= minimumSecretLength) return value
  if (isProduction) {
    throw new Error(
      `The site refuses to start: ${name} is ${value ? `shorter than ${minimumSecretLength} characters` : 'not set'}. ` +
        `Set it to a long random value (e.g. \`openssl rand -hex 32\`) and give the CMS the same value.`,
    )
  }
  if (value) return value
  // Next.js loads this module in several bundles; warn once per process.
  const warned = /** @type {{ __clinicEnvWarned?: Set<string> }} */ (globalThis)
  warned.__clinicEnvWarned ??= new Set()
  if (!isBuildPhase && raw.NODE_ENV !== 'test' && !warned.__clinicEnvWarned.has(name)) {
    warned.__clinicEnvWarned.add(name)
    console.warn(`[env] ${name} is not set; using the fixed development value "${devValue}". Never do this in production.`)
  }
  return devValue
}

/** The development default of BOOKING_API_KEY; the CMS's development seed gives its booking account the same key. */
const devBookingApiKey = 'dev-booking-api-key-development-only'

/** @param {string} url */
const stripTrailingSlash = (url) => url.replace(/\/+$/, '')

export const env = {
  nodeEnv: raw.NODE_ENV,
  isProduction,
  isBuildPhase,
  cmsUrl: stripTrailingSlash(raw.CMS_URL),
  siteUrl: stripTrailingSlash(raw.SITE_URL),
  distDir: raw.NEXT_DIST_DIR || '.next',
  redisUrl: raw.REDIS_URL,
  // Read on first use (and at server start by instrumentation.ts), so loading next.config.mjs and
  // `next build` never need the runtime secrets.
  get revalidateSecret() {
    return requireSecret('REVALIDATE_SECRET', 'dev-revalidate-secret')
  },
  get previewSecret() {
    return requireSecret('PREVIEW_SECRET', 'dev-preview-secret')
  },
  /**
   * Undefined in production when not set: the site still starts, and /book offers the phone number
   * and the booking link instead of the form (and logs why).
   */
  get bookingApiKey() {
    if (raw.BOOKING_API_KEY) return raw.BOOKING_API_KEY
    return raw.NODE_ENV === 'production' ? undefined : devBookingApiKey
  },
  trustedProxies: raw.TRUSTED_PROXY,
  frontCacheUrls: raw.FRONT_CACHE_URL,
  /** This instance's address in the front cache's list (SITE_INSTANCE_ADDRESS, else 127.0.0.1 and the port `next start` serves on). */
  get siteInstanceAddress() {
    return raw.SITE_INSTANCE_ADDRESS ?? (process.env.PORT ? `127.0.0.1:${process.env.PORT}` : undefined)
  },
  socialImageWarm: raw.SOCIAL_IMAGE_WARM,
  booking: {
    limitPerSource: raw.BOOKING_LIMIT_PER_SOURCE,
    limitTotal: raw.BOOKING_LIMIT_TOTAL,
    minFillSeconds: raw.BOOKING_MIN_FILL_SECONDS,
  },
}

/** Checks every runtime secret now, so a misconfigured server stops at start-up with a clear message. */
export function assertRuntimeEnv() {
  void env.revalidateSecret
  void env.previewSecret
  if (isProduction && !env.bookingApiKey) {
    console.warn('[env] BOOKING_API_KEY is not set: /book shows the phone number and booking link instead of the request form.')
  }
}
