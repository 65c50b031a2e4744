import type { CollectionConfig } from 'payload'
import { fieldIsAdmin, isAdmin, isEditorOrAdmin } from '@/access'

/**
 * Requests for an appointment from the site's booking form. They hold personal and health data:
 * only editors (clinic staff) and admins may read them; editors may change only the status.
 */
export const AppointmentRequests: CollectionConfig = {
  slug: 'appointment-requests',
  labels: { singular: 'Appointment request', plural: 'Appointment requests' },
  admin: {
    group: 'Bookings',
    useAsTitle: 'name',
    defaultColumns: ['name', 'preferredService', 'status', 'createdAt'],
    listSearchableFields: ['name', 'email', 'phone'],
    description: 'Personal data: handle with care and close requests once they are dealt with.',
  },
  defaultSort: '-createdAt',
  access: {
    read: isEditorOrAdmin,
    // Visitors will create requests through the site's form (a later change); until then only admins can.
    create: isAdmin,
    update: isEditorOrAdmin,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, access: { update: fieldIsAdmin } },
    { name: 'email', type: 'email', required: true, access: { update: fieldIsAdmin } },
    { name: 'phone', type: 'text', maxLength: 40, access: { update: fieldIsAdmin } },
    {
      name: 'preferredService',
      type: 'relationship',
      relationTo: 'services',
      access: { update: fieldIsAdmin },
    },
    { name: 'preferredTimes', type: 'textarea', maxLength: 500, access: { update: fieldIsAdmin } },
    { name: 'message', type: 'textarea', maxLength: 2000, access: { update: fieldIsAdmin } },
    {
      name: 'consent',
      type: 'checkbox',
      required: true,
      label: 'Agreed to be contacted about this request',
      access: { update: fieldIsAdmin },
      validate: (value: unknown) => (value === true ? true : 'Consent is needed before we can store and answer a request.'),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'new',
      index: true,
      admin: { position: 'sidebar' },
      options: [
        { label: 'New', value: 'new' },
        { label: 'Contacted', value: 'contacted' },
        { label: 'Booked', value: 'booked' },
        { label: 'Closed', value: 'closed' },
      ],
    },
  ],
}
