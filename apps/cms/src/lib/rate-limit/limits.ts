/**
 * The limits on account endpoints. Each counts per source (client address) or per source and
 * account, never per account alone: a stranger can slow down their own guessing but cannot lock
 * the owner out, who logs in from another address. Windows are fixed, starting at the first count.
 */
export const accountLimits = {
  /** Failed logins from one address, whatever the account (spraying many emails). */
  loginFailuresBySource: { points: 30, duration: 15 * 60 },
  /** Failed logins from one address against one account (guessing one password). */
  loginFailuresBySourceAndAccount: { points: 10, duration: 15 * 60 },
  /** Password-reset emails asked for from one address. */
  resetEmailsBySource: { points: 10, duration: 60 * 60 },
  /** Password-reset emails asked for from one address for one account. */
  resetEmailsBySourceAndAccount: { points: 3, duration: 60 * 60 },
  /** Reset emails actually sent to one account, whoever asked: keeps a mailbox from being flooded. */
  resetEmailsSentToAccount: { points: 5, duration: 60 * 60 },
  /** Attempts to set a new password with a reset token from one address. */
  passwordResetsBySource: { points: 10, duration: 15 * 60 },
  /** Attempts to create the first account from one address. */
  firstRegisterBySource: { points: 10, duration: 15 * 60 },
} as const

/**
 * Every forgot-password request over HTTP takes at least this long (ms), whether or not the email
 * has an account, so the response time does not tell a stranger which one it was.
 */
export const forgotPasswordMinimumMs = 400
