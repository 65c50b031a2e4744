import type { GlobalConfig } from 'payload'
import { isMarketerOrAdmin } from '@/access'
import { revalidateSiteAfterGlobalChange } from '@/hooks/revalidate-site'
import { linkField } from '@/fields/url'
import { bookingAndSearchSettings } from './site-settings-booking'

const days = [
  { label: 'Monday', value: 'Monday' },
  { label: 'Tuesday', value: 'Tuesday' },
  { label: 'Wednesday', value: 'Wednesday' },
  { label: 'Thursday', value: 'Thursday' },
  { label: 'Friday', value: 'Friday' },
  { label: 'Saturday', value: 'Saturday' },
  { label: 'Sunday', value: 'Sunday' },
]

const timeOfDay = (value: unknown) =>
  typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? true : 'Use 24-hour time, e.g. 09:00 or 17:30.'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Settings' },
  access: { read: () => true, update: isMarketerOrAdmin },
  hooks: { afterChange: [revalidateSiteAfterGlobalChange] },
  fields: [
    { name: 'clinicName', type: 'text', required: true },
    { name: 'tagline', type: 'text' },
    {
      type: 'row',
      fields: [
        { name: 'phone', type: 'text', required: true },
        { name: 'email', type: 'email', required: true },
      ],
    },
    {
      name: 'address',
      type: 'group',
      fields: [
        { name: 'street', type: 'text', required: true },
        { name: 'city', type: 'text', required: true },
        { name: 'region', type: 'text' },
        { name: 'postalCode', type: 'text', required: true },
        { name: 'country', type: 'text', required: true, defaultValue: 'CA', admin: { description: 'Two-letter country code.' } },
      ],
    },
    {
      name: 'openingHours',
      type: 'array',
      labels: { singular: 'Opening hours', plural: 'Opening hours' },
      fields: [
        { name: 'days', type: 'select', hasMany: true, required: true, options: days },
        {
          type: 'row',
          fields: [
            { name: 'opens', type: 'text', required: true, validate: timeOfDay, admin: { placeholder: '09:00' } },
            { name: 'closes', type: 'text', required: true, validate: timeOfDay, admin: { placeholder: '18:00' } },
          ],
        },
      ],
    },
    linkField('bookingUrl', { required: true, label: 'Booking link', defaultValue: '/book' }),
    {
      name: 'socialLinks',
      type: 'array',
      fields: [
        { name: 'label', type: 'text', required: true },
        linkField('url', { required: true }),
      ],
    },
    {
      name: 'medicalDisclaimer',
      type: 'textarea',
      required: true,
      admin: { description: 'Shown wherever health content appears on the site.' },
    },
    { name: 'defaultSeoImage', type: 'upload', relationTo: 'media', label: 'Default sharing image' },
    ...bookingAndSearchSettings,
    {
      name: 'reviewIntervalMonths',
      type: 'number',
      label: 'Medical review interval (months)',
      defaultValue: 12,
      min: 1,
      max: 36,
      required: true,
      admin: {
        description:
          'How long a medical review of an article, condition or exercise stays valid. Past it, the page cannot be published again until it is re-reviewed.',
      },
    },
  ],
}
