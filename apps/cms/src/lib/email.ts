import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'
import { env } from '@/env'

/**
 * Writes each email to the CMS's log instead of sending it: the default when no SMTP server is
 * configured, so development needs no mail server and a reset link can be copied from the log.
 */
const logEmailAdapter: EmailAdapter = ({ payload }) => ({
  name: 'log',
  defaultFromAddress: env.emailFrom.address,
  defaultFromName: env.emailFrom.name,
  sendEmail: async (message: SendEmailOptions) => {
    const to = Array.isArray(message.to) ? message.to.join(', ') : String(message.to ?? '')
    const body = typeof message.text === 'string' ? message.text : typeof message.html === 'string' ? message.html : ''
    payload.logger.info(`[email] (not sent: SMTP_HOST is not set) to: ${to} · subject: ${message.subject ?? ''}\n${body}`)
  },
})

/**
 * The CMS's email adapter, chosen by env: SMTP (`SMTP_HOST`, `SMTP_PORT`, `SMTP_SECURE`,
 * `SMTP_USER`, `SMTP_PASS`) when configured, otherwise the log.
 */
export function emailAdapter(): EmailAdapter | Promise<EmailAdapter> {
  if (!env.smtp) return logEmailAdapter
  return nodemailerAdapter({
    defaultFromAddress: env.emailFrom.address,
    defaultFromName: env.emailFrom.name,
    // The server may not be up when the CMS starts; a failed send is reported where it happens.
    skipVerify: true,
    transportOptions: {
      ...env.smtp,
      // Bounded: a stuck mail server must not hold a request open.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    },
  })
}
