import { defaultTimezones } from 'payload/shared'

/**
 * The time zones the admin offers (the schedule drawer): Payload's list, plus plain UTC and
 * Toronto (the clinic's own, in Canada). A fixed list: the generated types name every zone.
 */
export const clinicTimezones = [
  ...defaultTimezones,
  { label: '(UTC-05:00) Toronto', value: 'America/Toronto' },
  { label: '(UTC+00:00) UTC', value: 'UTC' },
]
