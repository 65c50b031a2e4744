import { describe, expect, it } from 'vitest'
import { describeEmail, emailFailureReason } from './booking-emails'

/** What staff read on a request and in the log about a failed email: short, actionable, no address and no secret. */
describe('emailFailureReason', () => {
  it('names an SMTP refusal by the server’s reply, without the recipient’s address', () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <jo@example.com>: mailbox unavailable"), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <jo@example.com>: mailbox unavailable',
    })
    expect(emailFailureReason(error)).toBe('SMTP refused: 550 5.1.1 <recipient>: mailbox unavailable')
  })

  it('names an unreachable server by the system’s code', () => {
    expect(emailFailureReason(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' }))).toBe('SMTP server unreachable (ECONNREFUSED)')
    expect(emailFailureReason(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' }))).toBe('SMTP server unreachable (ETIMEDOUT)')
  })

  it('says what to check on a refused login, and never repeats a password', () => {
    expect(emailFailureReason(Object.assign(new Error('Invalid login: 535 bad credentials for user:hunter2'), { code: 'EAUTH' }))).toBe('SMTP login refused (check SMTP_USER and SMTP_PASS)')
    expect(emailFailureReason(new Error('failed smtp://clinic:hunter2@mail.example:587\n    at Socket.stack (x.js:1:1)'))).toBe('failed smtp://mail.example:587')
  })

  it('keeps one line of at most 200 characters', () => {
    const reason = emailFailureReason(new Error(`${'x'.repeat(500)}\nsecond line`))
    expect(reason).toHaveLength(200)
    expect(reason).not.toContain('second line')
  })
})

describe('describeEmail', () => {
  it('puts each state in plain words', () => {
    expect(describeEmail('staffNotification', { status: 'not-sent', reason: 'why' })).toBe('Staff notification: not sent — why')
    expect(describeEmail('acknowledgement', null)).toMatch(/^Acknowledgement: not recorded/)
    expect(describeEmail('acknowledgement', { status: 'failed', reason: 'SMTP refused: 550 mailbox unavailable', attempts: 1, lastAttemptAt: '2026-12-06T10:42:00.000Z' })).toMatch(
      /^Acknowledgement: failed — SMTP refused: 550 mailbox unavailable · gave up after 1 attempt, last at /,
    )
  })
})
