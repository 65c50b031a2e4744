import type { Team } from '@clinic/cms-types'
import type { NewDoc, Refs } from './types'

/** Fictional therapists: the sciatica article's author and its clinical reviewer. */
export type TeamKey = 'author' | 'reviewer'

export const teamSeeds: { key: TeamKey; slug: string; build: (refs: Pick<Refs, 'media'>) => NewDoc<Team> }[] = [
  {
    key: 'author',
    slug: 'hannah-lindqvist',
    build: (refs) => ({
      name: 'Hannah Lindqvist',
      slug: 'hannah-lindqvist',
      jobTitle: 'Registered massage therapist',
      credentials: 'RMT',
      bio:
        'Hannah has worked as a registered massage therapist for nine years, with a particular interest in ' +
        'low back pain, sciatica and the stiffness that comes with desk work. Her sessions start with a ' +
        'conversation and a look at how you move, and she always leaves time to show you one or two things ' +
        'you can do at home. Outside the clinic she walks the coastal trails with her dog.',
      photo: refs.media.teamAuthor,
      displayOrder: 10,
      _status: 'published',
    }),
  },
  {
    key: 'reviewer',
    slug: 'priya-raman',
    build: (refs) => ({
      name: 'Priya Raman',
      slug: 'priya-raman',
      jobTitle: 'Consulting physiotherapist',
      credentials: 'MScPT, registered physiotherapist',
      clinicalCredentials: [
        { credential: 'Registered physiotherapist', category: 'license', recognizedBy: 'Provincial physiotherapy regulator' },
        { credential: 'Master of Science in Physical Therapy (MScPT)', category: 'degree' },
      ],
      bio:
        'Priya is a physiotherapist with more than fifteen years of experience in spinal and sports ' +
        'rehabilitation. She reviews the health information on this site so that it stays accurate, ' +
        'careful and clear about when massage is not the right first step. She also advises our ' +
        'therapists on home exercise programmes.',
      photo: refs.media.teamReviewer,
      displayOrder: 20,
      _status: 'published',
    }),
  },
]
