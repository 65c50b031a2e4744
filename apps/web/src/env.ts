import { z } from 'zod'

/**
 * The one place the site reads its environment. A bad value stops start-up (or the build) with a
 * message that names the variable and says how to fix it.
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
  // Several site instances share one cache (pages and CMS reads) in Redis; without it each keeps
  // its own (memory and disk), which is all a single instance needs.
  REDIS_URL: z
    .url({ message: 'must be a Redis address, e.g. redis://localhost:6379 (or unset for the local cache)' })
    .refine((url) => /^rediss?:\/\//.test(url), { message: 'must start with redis:// or rediss://' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
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

function requireSecret(name: 'REVALIDATE_SECRET' | 'PREVIEW_SECRET', devValue: string): string {
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
  const warned = globalThis as { __clinicEnvWarned?: Set<string> }
  warned.__clinicEnvWarned ??= new Set()
  if (!isBuildPhase && raw.NODE_ENV !== 'test' && !warned.__clinicEnvWarned.has(name)) {
    warned.__clinicEnvWarned.add(name)
    console.warn(`[env] ${name} is not set; using the fixed development value "${devValue}". Never do this in production.`)
  }
  return devValue
}

const stripTrailingSlash = (url: string): string => url.replace(/\/+$/, '')

export const env = {
  nodeEnv: raw.NODE_ENV,
  isProduction,
  isBuildPhase,
  cmsUrl: stripTrailingSlash(raw.CMS_URL),
  siteUrl: stripTrailingSlash(raw.SITE_URL),
  distDir: raw.NEXT_DIST_DIR || '.next',
  redisUrl: raw.REDIS_URL,
  // Read on first use (and at server start by instrumentation.ts), so loading next.config.ts and
  // `next build` never need the runtime secrets.
  get revalidateSecret(): string {
    return requireSecret('REVALIDATE_SECRET', 'dev-revalidate-secret')
  },
  get previewSecret(): string {
    return requireSecret('PREVIEW_SECRET', 'dev-preview-secret')
  },
}

/** Checks every runtime secret now, so a misconfigured server stops at start-up with a clear message. */
export function assertRuntimeEnv(): void {
  void env.revalidateSecret
  void env.previewSecret
}
