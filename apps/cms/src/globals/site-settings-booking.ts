import type { Field } from 'payload'
import { fieldIsStaff } from '@/access'

/** Site settings for the booking form, the retention of requests and site search. */
export const bookingAndSearchSettings: Field[] = [
  {
    type: 'collapsible',
    label: 'Appointment requests',
    fields: [
      {
        name: 'bookingMode',
        type: 'select',
        required: true,
        defaultValue: 'form',
        options: [
          { label: 'Request form on the site (/book)', value: 'form' },
          { label: 'External booking system (the booking link)', value: 'external' },
          { label: 'Both', value: 'both' },
        ],
        admin: { description: 'What /book offers visitors. The external option uses the booking link above.' },
      },
      {
        name: 'bookingNotificationEmail',
        type: 'email',
        label: 'Send new requests to',
        // Site settings are public (the site reads them); this address is for staff only.
        access: { read: fieldIsStaff },
        admin: { description: 'Staff address told of each request (name, service, times and a link; never the message). Empty: the clinic email.' },
      },
      {
        name: 'appointmentRetentionMonths',
        type: 'number',
        required: true,
        defaultValue: 12,
        min: 1,
        max: 120,
        label: 'Delete closed requests after (months)',
        admin: { description: 'Closed requests are deleted automatically this long after they were closed. Open requests are never deleted.' },
      },
    ],
  },
  {
    type: 'collapsible',
    label: 'Site search',
    fields: [
      {
        name: 'searchSynonyms',
        type: 'array',
        labels: { singular: 'Synonym group', plural: 'Synonym groups' },
        admin: { description: 'Words visitors use for the same thing. A search for any phrase in a group also finds the others.' },
        fields: [
          {
            name: 'terms',
            type: 'text',
            required: true,
            maxLength: 300,
            admin: { placeholder: 'sciatica, pinched nerve, sciatic pain', description: 'Phrases separated by commas.' },
          },
        ],
      },
    ],
  },
]
