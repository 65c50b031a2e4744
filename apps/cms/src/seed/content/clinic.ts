import type { Announcement, Navigation, SiteSetting } from '@clinic/cms-types'
import type { NewDoc, Refs } from './types'

/**
 * The fictional demo clinic. Phone numbers use the 555-01xx range and addresses the `.example`
 * domain, both reserved for fiction, so nothing here reaches a real person.
 */
export const clinic = {
  name: 'Willowbank Massage Therapy',
  tagline: 'Unhurried, hands-on care for sore backs, tight hips and busy lives.',
  phone: '+1 250 555 0142',
  email: 'hello@willowbank-massage.example',
  address: {
    street: '128 Harbour Lane, Suite 2',
    city: 'Cedar Bay',
    region: 'British Columbia',
    postalCode: 'V9Z 0A1',
    country: 'CA',
  },
} as const

export const medicalDisclaimer =
  'The information on this site is general education, not medical advice. Massage therapy can ease ' +
  'muscle tension and discomfort, but it is not a substitute for diagnosis or treatment by a doctor or ' +
  'other qualified health professional. If you have new, severe or worsening symptoms, numbness, ' +
  'weakness, or any change in bladder or bowel control, seek medical care promptly. Tell your therapist ' +
  'about any health conditions, medications or pregnancy before your session.'

export function siteSettings(refs: Refs): NewDoc<SiteSetting> {
  return {
    clinicName: clinic.name,
    tagline: clinic.tagline,
    phone: clinic.phone,
    email: clinic.email,
    address: { ...clinic.address },
    openingHours: [
      { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'], opens: '09:00', closes: '19:00' },
      { days: ['Friday'], opens: '09:00', closes: '17:00' },
      { days: ['Saturday'], opens: '10:00', closes: '15:00' },
    ],
    bookingUrl: '/book',
    socialLinks: [
      { label: 'Instagram', url: 'https://instagram.example/willowbankmassage' },
      { label: 'Facebook', url: 'https://facebook.example/willowbankmassage' },
    ],
    medicalDisclaimer,
    reviewIntervalMonths: 12,
    defaultSeoImage: refs.media.sharing,
    bookingMode: 'form',
    bookingNotificationEmail: 'frontdesk@willowbank-massage.example',
    appointmentRetentionMonths: 12,
    searchSynonyms: [
      { terms: 'sciatica, pinched nerve, sciatic nerve pain, trapped nerve' },
      { terms: 'lower back pain, lumbago, sore back' },
      { terms: 'massage, bodywork' },
    ],
  }
}

export const navigation: NewDoc<Navigation> = {
  header: [
    { label: 'Services', url: '/services' },
    { label: 'Exercises', url: '/exercises' },
    { label: 'Articles', url: '/articles' },
    { label: 'Sciatica', url: '/conditions/sciatica' },
    { label: 'Team', url: '/team' },
    { label: 'About', url: '/about' },
    { label: 'Contact', url: '/contact' },
  ],
  footer: [
    { label: 'Services', url: '/services' },
    { label: 'Home exercises', url: '/exercises' },
    { label: 'Articles', url: '/articles' },
    { label: 'Sciatica', url: '/conditions/sciatica' },
    { label: 'Our team', url: '/team' },
    { label: 'About us', url: '/about' },
    { label: 'Contact', url: '/contact' },
    { label: 'Book an appointment', url: '/book' },
    { label: 'Privacy', url: '/privacy' },
  ],
}

/** Kept switched off: editors can turn it on from the admin when there is news. */
export const announcement: NewDoc<Announcement> = {
  enabled: false,
  text: 'We are now open on Saturdays from 10:00 to 15:00.',
  linkLabel: 'Book a time',
  linkUrl: '/book',
}
