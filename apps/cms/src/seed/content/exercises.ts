import type { Exercise } from '@clinic/cms-types'
import type { MediaKey } from './media'
import { references, reviewedDaysAgo, type Source } from './sources'
import type { NewDoc, Refs } from './types'

type ExerciseSeed = {
  slug: string
  image?: MediaKey
  data: Omit<NewDoc<Exercise>, 'slug' | 'image' | 'conditions' | '_status' | 'steps' | 'equipment' | 'stopIf'>
  equipment: string[]
  steps: string[]
  stopIf: string[]
  sources: Source[]
}

const flossSafety =
  'Nerve flossing should feel like a gentle pull or mild tension along the leg, never pain. Move slowly and ' +
  'smoothly, and do not hold the end position: the nerve should glide back and forth, not be stretched. ' +
  'Start with fewer repetitions than listed and build up over several days. If you have not yet been ' +
  'diagnosed, see a doctor or physiotherapist before starting.'

const stretchSafety =
  'Ease into the stretch until you feel a comfortable pull in the muscle, then breathe slowly and hold. ' +
  'A stretch should never cause sharp pain, or pain, tingling or numbness travelling down the leg. Do not ' +
  'bounce. If you have had recent hip or back surgery, check with your clinician first.'

/** Shared stop signs; each exercise adds its own where useful. */
const stopCommon = [
  'Numbness or tingling in the leg or foot increases',
  'Pain shoots below the knee and stays after you stop',
  'You feel new weakness in the leg or foot',
  'Symptoms are worse the next morning than before you started',
]

const exerciseSeeds: ExerciseSeed[] = [
  {
    slug: 'mobilizing-nerve-floss',
    image: 'exerciseFloss',
    data: {
      name: 'Mobilizing floss (lying sciatic nerve glide)',
      summary:
        'A gentle lying-down nerve glide that moves the sciatic nerve back and forth along its path to reduce ' +
        'irritation and free up movement in the hip and leg.',
      targetArea: 'Sciatic nerve, back of the thigh and hip',
      difficulty: 'beginner',
      sets: 2,
      reps: 10,
      frequency: 'Twice a day',
      safetyNotes: flossSafety,
      meta: {
        description: 'A gentle lying sciatic nerve glide to ease irritation and improve hip and leg movement.',
      },
    },
    equipment: ['An exercise mat or carpeted floor', 'A small cushion for your head (optional)'],
    steps: [
      'Lie on your back on the mat with both knees bent and feet flat on the floor.',
      'Bring the knee of the sore leg up towards your chest and hold the back of that thigh with both hands, so the hip is bent to about a right angle.',
      'Slowly straighten the knee until you feel a light pull behind the thigh or knee, while gently pulling your toes towards you.',
      'Without pausing at the top, slowly bend the knee again and point your toes away from you.',
      'Keep moving smoothly between the two positions, like sliding a thread back and forth, for the number of repetitions.',
      'Lower the leg and rest. Repeat with the other leg only if that side is also affected.',
    ],
    stopIf: [...stopCommon, 'The pull turns into burning or electric pain'],
    sources: [references.neuralMobilisation, references.niceNg59],
  },
  {
    slug: 'seated-sciatic-nerve-floss',
    image: 'exerciseFloss',
    data: {
      name: 'Seated sciatic nerve floss',
      summary:
        'A chair-based nerve glide that pairs a knee straighten with a head movement, easy to do at a desk ' +
        'or kitchen table through the day.',
      targetArea: 'Sciatic nerve, hamstrings and lower back',
      difficulty: 'beginner',
      sets: 2,
      reps: 10,
      frequency: 'Twice a day',
      safetyNotes: flossSafety,
      meta: {
        description: 'A seated nerve glide for sciatica that you can do on any sturdy chair.',
      },
    },
    equipment: ['A sturdy chair without wheels'],
    steps: [
      'Sit towards the front of the chair with your feet flat on the floor and your back tall.',
      'Let your upper back round a little and let your chin drop gently towards your chest.',
      'Slowly straighten the knee of the sore leg while lifting your head to look ahead or slightly up. Pull your toes gently towards you.',
      'Stop as soon as you feel mild tension behind the knee or thigh. Do not hold it.',
      'Bend the knee back down while you lower your chin again, returning to the start.',
      'Repeat the movement smoothly and slowly for the set number of repetitions.',
    ],
    stopIf: [...stopCommon],
    sources: [references.neuralMobilisation, references.niceNg59],
  },
  {
    slug: 'hamstring-floss',
    data: {
      name: 'Hamstring floss',
      summary:
        'A standing nerve glide using a low step that gently moves the sciatic nerve through the back of the ' +
        'thigh, where it often feels tight.',
      targetArea: 'Hamstrings and sciatic nerve',
      difficulty: 'intermediate',
      sets: 2,
      reps: 10,
      frequency: 'Twice a day',
      safetyNotes:
        flossSafety + ' Hold on to something steady, such as a wall or the back of a chair, for balance.',
      meta: {
        description: 'A standing nerve glide for the back of the thigh, done with a low step.',
      },
    },
    equipment: ['A low step or the bottom stair', 'A wall or chair back to hold for balance'],
    steps: [
      'Stand facing a low step with one hand on a wall or chair back for balance.',
      'Place the heel of the sore leg on the step with the knee softly bent and the toes pointing up.',
      'Keeping your back long, hinge forward a little from the hips until you feel mild tension behind the thigh.',
      'Slowly straighten the knee while lifting your toes towards you, then bend the knee again as you point the toes away.',
      'Keep the movement gentle and rhythmic, without holding the end position, for the set number of repetitions.',
      'Step down, stand tall and rest before switching legs if needed.',
    ],
    stopIf: [...stopCommon, 'You feel unsteady or dizzy'],
    sources: [references.neuralMobilisation, references.niceNg59],
  },
  {
    slug: 'hip-flexor-stretch',
    image: 'exerciseStretch',
    data: {
      name: 'Kneeling hip flexor stretch',
      summary:
        'A half-kneeling stretch for the front of the hip, which tightens with long hours of sitting and can ' +
        'pull on the lower back.',
      targetArea: 'Hip flexors and front of the hip',
      difficulty: 'beginner',
      sets: 3,
      holdSeconds: 30,
      frequency: 'Twice a day',
      safetyNotes: stretchSafety + ' Pad the kneeling knee well, and hold on to a chair if your balance is unsure.',
      meta: {
        description: 'A half-kneeling stretch for tight hip flexors after long days of sitting.',
      },
    },
    equipment: ['An exercise mat', 'A folded towel or cushion under the knee', 'A chair to hold (optional)'],
    steps: [
      'Kneel on your right knee on a cushion, with your left foot flat on the floor in front so both knees are bent at about a right angle.',
      'Stand your upper body tall and rest your hands on your front thigh or a chair.',
      'Gently tuck your tailbone under, as if bringing your belt buckle up towards your ribs.',
      'Shift your weight slowly forward until you feel a stretch in the front of the right hip.',
      'Hold for the set time while breathing slowly, then ease back.',
      'Switch sides and repeat.',
    ],
    stopIf: [...stopCommon, 'You feel pinching at the front of the hip or in the lower back'],
    sources: [references.nhsSciatica, references.niceNg59],
  },
  {
    slug: 'groin-stretch',
    image: 'exerciseStretch',
    data: {
      name: 'Seated groin stretch (butterfly)',
      summary: 'A simple seated stretch for the inner thighs that helps the hips open and move more freely.',
      targetArea: 'Inner thighs (adductors) and hips',
      difficulty: 'beginner',
      sets: 3,
      holdSeconds: 30,
      frequency: 'Twice a day',
      safetyNotes: stretchSafety + ' Sit on a folded towel if it is hard to keep your back upright.',
      meta: {
        description: 'The butterfly stretch: a gentle seated stretch for the inner thighs and hips.',
      },
    },
    equipment: ['An exercise mat', 'A folded towel to sit on (optional)'],
    steps: [
      'Sit on the mat with your back tall and your legs out in front of you.',
      'Bend both knees and bring the soles of your feet together, letting your knees fall out to the sides.',
      'Hold your ankles or feet and draw your heels in only as far as is comfortable.',
      'Sit up tall and let your knees sink towards the floor. For a little more stretch, press gently on your inner thighs with your elbows.',
      'Hold for the set time, breathing slowly, then straighten your legs and rest.',
    ],
    stopIf: [...stopCommon, 'You feel pain in the knees or the front of the hips'],
    sources: [references.nhsSciatica, references.niceNg59],
  },
  {
    slug: 'glute-stretch',
    image: 'exerciseGlute',
    data: {
      name: 'Figure-four glute stretch',
      summary:
        'A lying stretch for the buttock muscles, including the piriformis, which sits right next to the ' +
        'sciatic nerve and often tightens with sciatica.',
      targetArea: 'Gluteal muscles and piriformis',
      difficulty: 'beginner',
      sets: 3,
      holdSeconds: 30,
      frequency: 'Twice a day',
      safetyNotes:
        stretchSafety +
        ' This stretch can feel strong on a tight, sore buttock, so go gently. You should feel a stretch in ' +
        'the muscle, not a sharp or shooting pain.',
      meta: {
        description: 'The figure-four stretch for tight buttock muscles and the piriformis.',
      },
    },
    equipment: ['An exercise mat'],
    steps: [
      'Lie on your back with both knees bent and your feet flat on the floor.',
      'Cross the ankle of the sore leg over the opposite knee, so your legs make a figure four.',
      'Let the crossed knee fall gently outwards.',
      'Reach through the gap and hold the back of the thigh of the lower leg with both hands.',
      'Slowly draw that thigh towards your chest until you feel a stretch deep in the buttock of the crossed leg.',
      'Hold for the set time while breathing slowly, then lower the leg.',
      'Repeat on the other side.',
    ],
    stopIf: [...stopCommon, 'You feel pain in the knee of the crossed leg'],
    sources: [references.nhsSciatica, references.niceNg59],
  },
]

export const exercises = exerciseSeeds.map((seed) => ({
  slug: seed.slug,
  build: (refs: Pick<Refs, 'media' | 'sciatica' | 'team'>): NewDoc<Exercise> => ({
    ...seed.data,
    slug: seed.slug,
    ...(seed.image ? { image: refs.media[seed.image] } : {}),
    equipment: seed.equipment.map((item) => ({ item })),
    steps: seed.steps.map((instruction) => ({ instruction })),
    stopIf: seed.stopIf.map((warning) => ({ warning })),
    conditions: [refs.sciatica],
    medicalReviewer: refs.team.reviewer,
    reviewedAt: reviewedDaysAgo(24),
    sources: seed.sources,
    _status: 'published',
  }),
}))
