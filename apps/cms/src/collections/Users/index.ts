import type { CollectionConfig } from 'payload'
import { adminOrSelf, fieldIsAdmin, isAdmin } from '@/access'
import { env } from '@/env'
import { roles } from '@clinic/cms-types'
import { finishAccountOperations, forgiveSuccessfulLogin, guardAccountOperations } from './hooks/account-guard'
import { checkPasswordPolicy, requireCurrentPassword } from './hooks/credentials'
import { resetEmailHtml, resetEmailSubject, resetLink, resetLinkLifetimeMs } from './reset-email'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Staff account', plural: 'Staff accounts' },
  admin: {
    group: 'Settings',
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role', 'updatedAt'],
    listSearchableFields: ['name', 'email'],
  },
  auth: {
    // No per-account lockout: anyone who knows an email could lock its owner out, and "locked"
    // would tell them the account exists. Guessing is slowed per source instead (account-guard).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    // Secure in production: browsers then send the login cookie over HTTPS only (and to
    // http://localhost / 127.0.0.1, which they treat as secure, so local production builds work).
    cookies: { sameSite: 'Lax', secure: env.nodeEnv === 'production' },
    forgotPassword: {
      expiration: resetLinkLifetimeMs,
      // Used when Payload sends the email itself (Local API); over HTTP account-guard sends the same.
      generateEmailSubject: () => resetEmailSubject,
      generateEmailHTML: ({ req, token } = {}) => (req && token ? resetEmailHtml(resetLink(req.payload, token)) : ''),
    },
  },
  access: {
    // Staff only: anonymous visitors never reach account data.
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    admin: ({ req }) => Boolean(req.user),
  },
  fields: [
    {
      name: 'passwordRules',
      type: 'ui',
      admin: { components: { Field: '/collections/Users/components/password-rules#PasswordRules' } },
    },
    {
      // Asked for when changing one's own email or password; checked in hooks/credentials, never stored.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      label: 'Current password',
      admin: {
        description: 'Needed to change your own email or password.',
        condition: (data, _siblingData, { user }) => Boolean(user && data?.id !== undefined && String(user.id) === String(data.id)),
        components: { Field: '/collections/Users/components/current-password-field#CurrentPasswordField' },
      },
      hooks: { afterRead: [() => undefined] },
    },
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      access: { create: fieldIsAdmin, update: fieldIsAdmin },
      options: roles.map((role) => ({ label: role[0]!.toUpperCase() + role.slice(1), value: role })),
      admin: { description: 'Editors write and publish content; marketers run SEO, pages and settings; admins do everything.' },
    },
  ],
  hooks: {
    beforeOperation: [guardAccountOperations],
    afterOperation: [finishAccountOperations],
    afterLogin: [forgiveSuccessfulLogin],
    beforeValidate: [
      requireCurrentPassword,
      checkPasswordPolicy,
      // The very first account (made on the "create first user" screen) must be able to manage the rest.
      async ({ data, operation, req }) => {
        if (operation !== 'create' || !data) return data
        const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
        if (totalDocs === 0) return { ...data, role: 'admin' }
        return data
      },
    ],
  },
}

