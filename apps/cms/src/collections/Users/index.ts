import type { CollectionConfig } from 'payload'
import { adminOrSelf, fieldIsAdmin, isAdmin } from '@/access'
import { roles } from '@clinic/cms-types'

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
    // Lock an account for ten minutes after five wrong passwords in a row.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax' },
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
    beforeValidate: [
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
