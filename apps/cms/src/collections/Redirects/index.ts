import { redirectsPlugin } from '@payloadcms/plugin-redirects'
import type { Field, Plugin } from 'payload'
import { collectionSlugs, routedCollections } from '@clinic/cms-types'
import { fieldIsStaff, isMarketerOrAdmin, userIsStaff } from '@/access'
import { collapseChainsAndRevalidate, revalidateRedirectsAfterDelete } from './hooks/after-change'
import { resolveDestination } from './hooks/resolve-destination'
import { readRedirectProblem } from './problem'

const staffOnly = { read: fieldIsStaff }

/** Labels of the destination's fields, as staff read them (messages name fields by these labels). */
export const targetLabels = { type: 'Send visitors to', reference: 'Page', url: 'Address' } as const

function describeTarget(field: Field): Field {
  if ('name' in field && field.name in targetLabels) {
    return { ...field, label: targetLabels[field.name as keyof typeof targetLabels] } as Field
  }
  return field
}

/** Adds field descriptions and staff-only read access to the plugin's fields. */
function describe(field: Field): Field {
  if (field.type === 'text' && field.name === 'from') {
    return {
      ...field,
      label: 'Old address',
      admin: { ...field.admin, description: 'The path visitors arrive at, for example /old-page or /articles/old-title.' },
    }
  }
  switch (field.type) {
    case 'group':
      return { ...field, access: staffOnly, fields: 'name' in field && field.name === 'to' ? field.fields.map(describeTarget) : field.fields }
    default:
      return field
  }
}

/**
 * Redirects, managed by marketers and admins with Payload's redirects plugin. Editors may read
 * them; anonymous visitors (the site) read only live ones, and only the address, the destination
 * and the status code. The site applies them before its 404 from a cached map (apps/web/src/lib/redirects).
 */
export const redirects: Plugin = redirectsPlugin({
  collections: [...routedCollections],
  redirectTypes: ['301', '302'],
  redirectTypeFieldOverride: {
    label: 'Kind',
    defaultValue: '301',
    admin: { description: '301: the page moved for good (search engines move its ranking). 302: for now only.' },
  },
  overrides: {
    slug: collectionSlugs.redirects,
    labels: { singular: 'Redirect', plural: 'Redirects' },
    admin: {
      group: 'Marketing',
      useAsTitle: 'from',
      defaultColumns: ['from', 'destination', 'problem', 'type', 'automatic', 'updatedAt'],
      listSearchableFields: ['from', 'destination'],
      description:
        'Send visitors from an old or mistyped address to the right page. Changing the slug of a published page adds one here by itself.',
    },
    access: {
      // The site reads live redirects (with a destination) anonymously; targets and notes stay with staff.
      read: ({ req }) => (userIsStaff(req.user) ? true : { destination: { exists: true } }),
      create: isMarketerOrAdmin,
      update: isMarketerOrAdmin,
      delete: isMarketerOrAdmin,
    },
    hooks: {
      beforeChange: [resolveDestination],
      afterChange: [collapseChainsAndRevalidate],
      afterDelete: [revalidateRedirectsAfterDelete],
    },
    fields: ({ defaultFields }) => [
      ...defaultFields.map(describe),
      {
        name: 'note',
        type: 'textarea',
        access: staffOnly,
        admin: { description: 'Why this redirect exists (for colleagues; never shown on the site).' },
      },
      {
        name: 'destination',
        type: 'text',
        index: true,
        label: 'Visitors are sent to',
        admin: {
          readOnly: true,
          position: 'sidebar',
          description:
            'Worked out on save. Empty while the target is not published: the redirect then does nothing. A target that is itself redirected is followed, so visitors take one hop.',
        },
      },
      {
        // Not stored: worked out on each read, so a circle or chain left by an import shows here.
        name: 'problem',
        type: 'text',
        virtual: true,
        label: 'Problem',
        access: { read: fieldIsStaff, create: () => false, update: () => false },
        hooks: { afterRead: [readRedirectProblem] },
        admin: {
          readOnly: true,
          position: 'sidebar',
          description: 'A circle or a chain of redirects that visitors would follow (left by an import, or two saves at once). Empty when all is well.',
        },
      },
      {
        name: 'automatic',
        type: 'checkbox',
        label: 'Added automatically',
        defaultValue: false,
        access: { ...staffOnly, create: () => false, update: () => false },
        admin: { readOnly: true, position: 'sidebar', description: 'Made when a published page changed its slug.' },
      },
    ],
  },
})
