import type { CollectionConfig } from 'payload'
import { isAdmin } from '@/access'

/**
 * Accounts for other programs, not people: each signs in with an API key only (no password, no
 * admin). Their rights come from `purpose`; the one purpose today is the site's booking form,
 * which may create appointment requests and nothing else (see `isBookingServiceAccount`).
 *
 * Create one in the admin (Settings → Service accounts → "Enable API key"), copy the key into the
 * site's BOOKING_API_KEY. The development seed makes one with the site's development key.
 */
export const ServiceAccounts: CollectionConfig = {
  slug: 'service-accounts',
  labels: { singular: 'Service account', plural: 'Service accounts' },
  admin: {
    group: 'Settings',
    useAsTitle: 'name',
    defaultColumns: ['name', 'purpose', 'updatedAt'],
    description: 'API keys for the site. The booking account can only create appointment requests.',
    components: { beforeList: ['@/components/admin/ApiKeyProblems#ApiKeyProblemsList'] },
  },
  auth: {
    useAPIKey: true,
    disableLocalStrategy: true,
  },
  access: {
    read: isAdmin,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
    // A program's key never opens the admin.
    admin: () => false,
  },
  fields: [
    // A warning when this account's key cannot be decrypted with the current PAYLOAD_SECRET; stores nothing.
    { name: 'apiKeyProblems', type: 'ui', admin: { components: { Field: '@/components/admin/ApiKeyProblems#ApiKeyProblemsField' } } },
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    {
      name: 'purpose',
      type: 'select',
      required: true,
      defaultValue: 'booking',
      options: [{ label: 'Site booking form: create appointment requests only', value: 'booking' }],
    },
  ],
}
