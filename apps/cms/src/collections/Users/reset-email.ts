import type { Payload } from 'payload'
import { formatAdminURL } from 'payload/shared'

/** How long a password-reset link works. */
export const resetLinkLifetimeMs = 60 * 60 * 1000

/** The admin's reset page for a token, at the CMS's own address (`serverURL`), never the request's Host. */
export function resetLink(payload: Payload, token: string): string {
  const { config } = payload
  return formatAdminURL({ adminRoute: config.routes.admin, path: `${config.admin.routes.reset}/${token}`, serverURL: config.serverURL })
}

export const resetEmailSubject = 'Reset your password for the clinic CMS'

/** The reset email in plain words: what happened, the link, that it expires, what to do if it was not you. */
export function resetEmailText(link: string): string {
  const minutes = Math.round(resetLinkLifetimeMs / 60_000)
  return [
    'Hello,',
    '',
    'Someone (hopefully you) asked to reset the password of your staff account on the clinic CMS.',
    '',
    'To choose a new password, open this link:',
    link,
    '',
    `The link works once, for ${minutes} minutes. After that, ask for a new one on the login page ("Forgot password?").`,
    '',
    'If you did not ask for this, you can ignore this email: your password stays as it is.',
  ].join('\n')
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** The same email as HTML: the text, with the link clickable. */
export function resetEmailHtml(link: string): string {
  return resetEmailText(link)
    .split('\n\n')
    .map((paragraph) =>
      `<p>${paragraph
        .split('\n')
        .map((line) => (line === link ? `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>` : escapeHtml(line)))
        .join('<br>')}</p>`,
    )
    .join('\n')
}

/** Sends the reset email for `token` to `to`. */
export async function sendResetEmail(payload: Payload, to: string, token: string): Promise<void> {
  const link = resetLink(payload, token)
  await payload.sendEmail({ to, subject: resetEmailSubject, text: resetEmailText(link), html: resetEmailHtml(link) })
}
