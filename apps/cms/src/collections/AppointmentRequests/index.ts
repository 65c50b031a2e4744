import type { CollectionConfig } from 'payload'
import { bookingLimits } from '@clinic/cms-types'
import { fieldIsAdmin, isAdmin, isBookingServiceAccountOrAdmin, isEditorOrAdmin } from '@/access'
import { checkBookingRequest, stampServerFields } from './hooks/check-request'
import { notifyAboutRequest } from './hooks/notify'

/**
 * Requests for an appointment from the site's booking form. They hold personal and health data:
 * only editors (clinic staff) and admins may read them; editors may change only the status. The
 * site's service account may create them and do nothing else. No versions: an old copy of
 * personal data would outlive its deletion.
 */
export const AppointmentRequests: CollectionConfig = {
  slug: 'appointment-requests',
  labels: { singular: 'Appointment request', plural: 'Appointment requests' },
  admin: {
    group: 'Bookings',
    useAsTitle: 'name',
    defaultColumns: ['name', 'preferredService', 'preferredTimes', 'status', 'createdAt'],
    listSearchableFields: ['name', 'email', 'phone'],
    description: 'Personal data: handle with care and close requests once they are dealt with. Closed requests are deleted after the retention period in Site settings.',
    components: {
      beforeListTable: ['@/collections/AppointmentRequests/components/RequestFilters#RequestFilters'],
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: isEditorOrAdmin,
    create: isBookingServiceAccountOrAdmin,
    update: isEditorOrAdmin,
    delete: isAdmin,
  },
  hooks: {
    beforeValidate: [checkBookingRequest],
    beforeChange: [stampServerFields],
    afterChange: [notifyAboutRequest],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: bookingLimits.name, access: { update: fieldIsAdmin } },
    { name: 'email', type: 'email', required: true, access: { update: fieldIsAdmin } },
    { name: 'phone', type: 'text', maxLength: bookingLimits.phone, access: { update: fieldIsAdmin } },
    {
      name: 'preferredService',
      type: 'relationship',
      relationTo: 'services',
      admin: { description: 'Empty: the visitor was not sure.' },
      access: { update: fieldIsAdmin },
    },
    {
      // Required by the booking rules on create (checkBookingRequest); not a NOT NULL column, so
      // older rows and the table itself stay as they are.
      name: 'preferredTimes',
      type: 'textarea',
      label: 'Preferred days and times',
      maxLength: bookingLimits.preferredTimes,
      access: { update: fieldIsAdmin },
    },
    { name: 'message', type: 'textarea', maxLength: bookingLimits.message, access: { update: fieldIsAdmin } },
    {
      type: 'row',
      fields: [
        {
          name: 'consent',
          type: 'checkbox',
          required: true,
          label: 'Agreed to be contacted about this request',
          access: { update: fieldIsAdmin },
          validate: (value: unknown) => (value === true ? true : 'Consent is needed before we can store and answer a request.'),
        },
        {
          name: 'consentVersion',
          type: 'text',
          maxLength: 40,
          admin: { description: 'Version of the consent wording the visitor saw.', readOnly: true },
          access: { update: fieldIsAdmin },
        },
        {
          name: 'consentedAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' }, readOnly: true },
          access: { create: fieldIsAdmin, update: fieldIsAdmin },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'new',
      index: true,
      admin: { position: 'sidebar' },
      // New requests are always "new": the site's account cannot file one as already handled.
      access: { create: fieldIsAdmin },
      options: [
        { label: 'New', value: 'new' },
        { label: 'Contacted', value: 'contacted' },
        { label: 'Booked', value: 'booked' },
        { label: 'Closed', value: 'closed' },
      ],
    },
    {
      name: 'closedAt',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Set when the request is closed; the retention period counts from here.',
        date: { pickerAppearance: 'dayAndTime' },
      },
      access: { create: fieldIsAdmin, update: fieldIsAdmin },
    },
    {
      // The form's one-time key: a second submit of the same form finds this request instead of making another.
      name: 'idempotencyKey',
      type: 'text',
      unique: true,
      index: true,
      maxLength: bookingLimits.idempotencyKey,
      admin: { hidden: true },
      access: { read: fieldIsAdmin, update: () => false },
    },
    {
      // The two emails' outcomes in plain words, with "Retry now" on a failed one (lib/booking-emails).
      name: 'emailsSummary',
      type: 'ui',
      label: 'Emails',
      admin: { position: 'sidebar', components: { Field: '@/components/admin/BookingEmails#BookingEmailsField' } },
    },
    {
      // Written only by the server (overrideAccess), after the request is stored; shown above.
      name: 'emails',
      type: 'group',
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
      fields: (['staffNotification', 'acknowledgement'] as const).map((kind) => ({
        name: kind,
        type: 'group' as const,
        fields: [
          {
            name: 'status',
            type: 'select' as const,
            options: [
              { label: 'Sent', value: 'sent' },
              { label: 'Failed', value: 'failed' },
              { label: 'Retrying', value: 'retrying' },
              { label: 'Not sent', value: 'not-sent' },
            ],
          },
          { name: 'reason', type: 'text' as const, maxLength: 300 },
          { name: 'attempts', type: 'number' as const, min: 0 },
          { name: 'lastAttemptAt', type: 'date' as const },
          { name: 'nextAttemptAt', type: 'date' as const },
        ],
      })),
    },
  ],
}
