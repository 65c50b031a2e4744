import type { Page } from '@clinic/cms-types'
import { h2, paragraph, richText } from '../lexical'
import { clinic } from './clinic'
import type { NewDoc } from './types'

export const privacySlug = 'privacy'

/** The privacy notice the booking form links to, in plain words. */
export function privacy(): NewDoc<Page> {
  return {
    title: 'Privacy',
    slug: privacySlug,
    layout: [
      {
        blockType: 'richText',
        content: richText(
          h2('What this page covers'),
          paragraph(
            `This page explains what ${clinic.name} does with the details you give us when you ask for an ` +
              'appointment through this website, who can see them, and when we delete them.',
          ),
          h2('What we collect'),
          paragraph(
            'When you send the appointment request form we keep your name, your email address, your phone number ' +
              'if you give one, the service and the days and times you would like, your message, and the fact that you ' +
              'agreed to this notice, with the date and time you agreed and the version of the wording you saw.',
          ),
          paragraph(
            'Please keep the message short and leave out detailed medical information. We will ask about your health ' +
              'in person, at your first visit, where we can keep it properly.',
          ),
          h2('Why we keep it'),
          paragraph('Only to answer your request and find you an appointment. We do not use it for marketing and we do not sell or share it.'),
          h2('Who can see it'),
          paragraph(
            'Only our clinic staff who arrange appointments, and the person who runs our systems. Our marketing helpers ' +
              'and the website itself cannot read requests: the website can only hand a new request to our booking system.',
          ),
          paragraph(
            'We send ourselves a short email for each new request with your name, the service and the times you asked ' +
              'for. Your message is never put in an email; we read it in our booking system. You get an email from us ' +
              'saying that we received your request.',
          ),
          h2('How long we keep it'),
          paragraph(
            'A request stays while we are dealing with it. Once it is closed, it is deleted automatically after 12 ' +
              'months, unless we tell you on this page that the period has changed. Appointments you go on to book are ' +
              'part of your clinical record, which the law asks us to keep for longer.',
          ),
          h2('Your choices'),
          paragraph(
            `You can ask to see what we hold about you, to correct it, or to delete your request at any time. Call us on ` +
              `${clinic.phone} or write to ${clinic.email}.`,
          ),
        ),
      },
      {
        blockType: 'callToAction',
        heading: 'Ready to ask for an appointment?',
        text: 'The booking form asks only for what we need to get back to you, and says what happens next.',
        buttonLabel: 'Book an appointment',
        buttonUrl: '/book',
      },
    ],
    meta: {
      title: `Privacy at ${clinic.name}`,
      description: 'What we keep when you ask for an appointment, who can see it, and when we delete it.',
    },
    _status: 'published',
  }
}
