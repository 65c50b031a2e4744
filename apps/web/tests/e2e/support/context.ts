import { inject } from 'vitest'

export interface Account {
  email: string
  password: string
}

/** What the global setup hands every spec. */
export interface E2eContext {
  cmsUrl: string
  siteUrl: string
  /**
   * The shipped front cache (deploy/nginx) in front of the site, which refreshes it after purges. It
   * balances across two instances: this one (siteUrl) and `secondSiteUrl`, which 06-shared-cache
   * starts (until then nginx passes the requests meant for it to the first).
   */
  frontUrl: string
  /** Where 06-shared-cache starts the second site instance (behind the front cache too). */
  secondSiteUrl: string
  /** The front cache's request log (unbuffered; `refresh=1` marks the site's refreshes). */
  frontAccessLog: string
  /** The CMS through the same nginx. */
  frontCmsUrl: string
  /** nginx's folder (its cache files are under cache/site). */
  frontPrefix: string
  /** The Redis the site's cache lives in (a second site instance may share it). */
  redisUrl: string
  /** Process group of the CMS server, so the CMS-down spec can stop it. */
  cmsPid: number
  /** The CMS's own settings (database, secrets, mail), for a spec that starts a second CMS on the same database. */
  cmsEnv: Record<string, string>
  previewSecret: string
  revalidateSecret: string
  admin: Account
  /** A staff account with the editor role (clinic staff), made by the admin through the REST API. */
  editor: Account
  /** A staff account with the marketer role. */
  marketer: Account
  /** JSON list of the emails the test SMTP server received (support/mailbox.ts). */
  mailboxUrl: string
  /** Where the servers' logs are written. */
  logDir: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext
  }
}

export const e2e = (): E2eContext => inject('e2e')
