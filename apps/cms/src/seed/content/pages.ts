import type { Page } from '@clinic/cms-types'
import { bold, bullets, h2, paragraph, richText } from '../lexical'
import { clinic } from './clinic'
import type { NewDoc, Refs } from './types'

function about(refs: Refs): NewDoc<Page> {
  return {
    title: 'About us',
    slug: 'about',
    layout: [
      {
        blockType: 'hero',
        heading: 'Massage therapy with time to listen',
        subheading:
          'A small, independent clinic where every session starts with a conversation and ends with a plan you can follow at home.',
        image: refs.media.pageAbout,
        ctaLabel: 'Meet the team',
        ctaUrl: '/team',
      },
      {
        blockType: 'richText',
        content: richText(
          h2('Our approach'),
          paragraph(
            `${clinic.name} opened to offer careful, hands-on treatment for people living with back pain, ` +
              'sciatica, sports strains and the everyday tension of desk work. We keep appointments unhurried so ' +
              'there is time to understand what is going on, not just to treat the sore spot.',
          ),
          paragraph(
            'Our registered massage therapists work alongside a consulting physiotherapist, who reviews the ' +
              'health information we publish and helps shape our home exercise advice.',
          ),
          h2('What we believe'),
          bullets(
            [bold('You know your body.'), ' We check in about pressure and comfort throughout every session.'],
            [bold('Massage works best with movement.'), ' Most visits end with one or two simple exercises to keep the benefits going.'],
            [bold('We know our limits.'), ' If something needs a doctor, we will say so and help you find the right care.'],
          ),
        ),
      },
      {
        blockType: 'testimonials',
        heading: 'What clients say (example testimonials, demo content)',
        blockName: 'Fictional demo testimonials: replace with real ones, with permission',
        items: [
          {
            quote:
              'After weeks of leg pain from sitting at my desk, the combination of treatment and the seated nerve floss made a real difference.',
            name: 'Sam',
          },
          {
            quote:
              'I was nervous before my first massage, but everything was explained and I never felt rushed.',
            name: 'Leila',
          },
          {
            quote:
              'Clear, practical advice and a therapist who actually listened.',
            name: 'Tomas',
          },
        ],
      },
      {
        blockType: 'callToAction',
        heading: 'Ready to feel more at ease?',
        text: 'Book a first session and we will talk through what is bothering you and how we can help.',
        buttonLabel: 'Book an appointment',
        buttonUrl: '/book',
      },
    ],
    meta: {
      title: `About ${clinic.name}`,
      description: 'Who we are, how we work and what our clients say.',
      image: refs.media.pageAbout,
    },
    _status: 'published',
  }
}

function contact(refs: Refs): NewDoc<Page> {
  const { address } = clinic
  return {
    title: 'Contact',
    slug: 'contact',
    layout: [
      {
        blockType: 'hero',
        heading: 'Get in touch',
        subheading: 'Questions about treatment, or not sure which massage to book? We are happy to help.',
        image: refs.media.pageContact,
      },
      {
        blockType: 'richText',
        content: richText(
          h2('Visit us'),
          paragraph(`${address.street}, ${address.city}, ${address.region} ${address.postalCode}`),
          paragraph('Step-free access from the street level entrance. Free parking behind the building.'),
          h2('Call or write'),
          paragraph(bold('Phone: '), clinic.phone),
          paragraph(bold('Email: '), clinic.email),
          paragraph(
            'We reply to messages within one working day. Please do not send detailed medical information by ' +
              'email; we will talk it through with you in person.',
          ),
        ),
      },
      {
        blockType: 'faq',
        heading: 'Frequently asked questions',
        items: [
          {
            question: 'Do I need a referral from a doctor?',
            answer:
              'No. You can book directly. Some insurance plans ask for a referral before they cover massage therapy, so check your policy.',
          },
          {
            question: 'What should I bring to my first appointment?',
            answer:
              'Just yourself, comfortable clothes and a list of any medicines you take. Arrive a few minutes early to fill in a short health form.',
          },
          {
            question: 'Can I have a massage if I have sciatica?',
            answer:
              'Often, yes, and it can help. If you have warning signs such as numbness in the groin area, changes in bladder or bowel control, or weakness that is getting worse, see a doctor first.',
          },
          {
            question: 'How do I cancel or move an appointment?',
            answer: 'Call or email us at least 24 hours ahead and we will find you a new time.',
          },
        ],
      },
      {
        blockType: 'callToAction',
        heading: 'Prefer to book online?',
        text: 'Choose a service and a time that suits you.',
        buttonLabel: 'Book an appointment',
        buttonUrl: '/book',
      },
    ],
    meta: {
      title: `Contact ${clinic.name}`,
      description: `Address, phone, email and answers to common questions for ${clinic.name}.`,
    },
    _status: 'published',
  }
}

export const pages: { slug: string; build: (refs: Refs) => NewDoc<Page> }[] = [
  { slug: 'about', build: about },
  { slug: 'contact', build: contact },
]
