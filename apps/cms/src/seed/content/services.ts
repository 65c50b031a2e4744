import type { Service } from '@clinic/cms-types'
import { bullets, h3, paragraph, richText } from '../lexical'
import type { MediaKey } from './media'
import type { NewDoc, Refs } from './types'

type ServiceSeed = {
  slug: string
  image: MediaKey
  data: Omit<NewDoc<Service>, 'slug' | 'image' | 'suitableFor' | '_status'>
}

/** Prices by session length, in the clinic's currency (Canadian dollars for the demo). */
const standardPrices = [
  { minutes: 30, price: 75 },
  { minutes: 60, price: 125 },
  { minutes: 90, price: 170 },
]

/** Reasons not to give any massage, or only with a doctor's agreement. */
const general = {
  clots: 'A known or suspected blood clot (deep vein thrombosis) in the area',
  fracture: 'A recent fracture, or surgery in the area within the last few weeks',
  wounds: 'Open wounds, fresh bruising or burns over the area',
  fever: 'Fever or an infection that is making you feel unwell',
  skin: 'Contagious or inflamed skin conditions such as a rash, shingles or cellulitis',
}

const serviceSeeds: ServiceSeed[] = [
  {
    slug: 'deep-tissue-massage',
    image: 'serviceDeepTissue',
    data: {
      name: 'Deep tissue massage',
      summary:
        'Slow, firm strokes and sustained pressure that reach the deeper layers of muscle and connective tissue, ' +
        'for long-standing tension in the back, hips and legs.',
      description: richText(
        paragraph(
          'Deep tissue massage works slowly and with steady, focused pressure to reach the muscles and connective ' +
            'tissue that lie beneath the surface layers. Your therapist uses fingers, knuckles and forearms, ' +
            'waiting for each area to soften before going deeper.',
        ),
        paragraph(
          'It suits people with stubborn, long-standing tightness, for example in the lower back, buttocks and ' +
            'the backs of the legs, where tension can add to sciatic pain. A small study found that short deep ' +
            'tissue sessions on weekdays over two weeks reduced low back pain, including sciatica, although ' +
            'everyone responds differently.',
        ),
        h3('Is it meant to hurt?'),
        paragraph(
          'You should feel strong pressure, sometimes a "good ache", but never sharp pain. Tell your therapist ' +
            'at any time and they will ease off. Some soreness for a day or two afterwards is normal.',
        ),
      ),
      benefits: [
        { benefit: 'Releases deep, long-standing muscle tension' },
        { benefit: 'Can ease pressure around an irritated nerve' },
        { benefit: 'Helps restore range of motion in the hips and lower back' },
        { benefit: 'Targets specific problem areas rather than the whole body' },
      ],
      whatToExpect:
        'We start with a short chat about your pain and health history and look at how you move. You undress ' +
        'to your comfort level and stay covered with a sheet throughout. The therapist warms the area with ' +
        'lighter strokes before working more deeply, checking the pressure with you as they go. Afterwards, ' +
        'drink some water, keep moving gently and expect some tenderness for a day or two.',
      pressureLevel: 'deep',
      durations: standardPrices,
      contraindications: [
        { item: general.clots },
        { item: general.fracture },
        { item: general.wounds },
        { item: general.fever },
        { item: 'Taking blood-thinning medication, or a bleeding disorder (ask us: we will use lighter pressure)' },
        { item: 'Osteoporosis or other conditions that weaken the bones' },
      ],
      displayOrder: 10,
      meta: {
        title: 'Deep tissue massage',
        description: 'Slow, firm massage for deep and long-standing muscle tension in the back, hips and legs.',
      },
    },
  },
  {
    slug: 'swedish-massage',
    image: 'serviceSwedish',
    data: {
      name: 'Swedish massage',
      summary:
        'Long, flowing strokes and gentle kneading at a comfortable pressure, to relax the whole body, improve ' +
        'circulation and ease general tension.',
      description: richText(
        paragraph(
          'Swedish massage is the classic relaxation massage. It uses long gliding strokes, kneading and gentle ' +
            'rhythmic movements, with lighter pressure than deep tissue work.',
        ),
        paragraph(
          'The flowing movements stimulate the nerve endings in the skin and connective tissue and encourage ' +
            'blood flow. Many people find it the best place to start: it lowers overall tension, helps the body ' +
            'relax and makes a good first session if you are new to massage or your pain is easily stirred up.',
        ),
      ),
      benefits: [
        { benefit: 'Deep, whole-body relaxation' },
        { benefit: 'Encourages circulation' },
        { benefit: 'Eases general muscle tension and stiffness' },
        { benefit: 'A gentle introduction to massage therapy' },
      ],
      whatToExpect:
        'After a brief conversation about how you are feeling, you relax on a padded table under a sheet while ' +
        'the therapist works with long, smooth strokes using a light oil or lotion. Most people leave feeling ' +
        'calm and a little sleepy, so allow yourself an easy hour afterwards if you can.',
      pressureLevel: 'medium',
      durations: [{ minutes: 45, price: 95 }, ...standardPrices.filter((d) => d.minutes !== 30)],
      contraindications: [
        { item: general.clots },
        { item: general.fracture },
        { item: general.wounds },
        { item: general.fever },
        { item: general.skin },
      ],
      displayOrder: 20,
      meta: {
        title: 'Swedish massage',
        description: 'Flowing, relaxing massage at a comfortable pressure to ease general tension.',
      },
    },
  },
  {
    slug: 'neuromuscular-massage',
    image: 'serviceNeuromuscular',
    data: {
      name: 'Neuromuscular massage',
      summary:
        'Focused pressure and friction on contracted muscles and tender points, to release tension that refers ' +
        'pain elsewhere in the body.',
      description: richText(
        paragraph(
          'Neuromuscular massage combines deep, precise pressure with friction across the muscle fibres. It ' +
            'concentrates on muscles that have stayed contracted and on tender spots that can send pain to other ' +
            'areas, a common pattern around the hips and buttocks in people with sciatica.',
        ),
        paragraph(
          'The aim is to help overworked muscles let go, so they stop pulling on joints and crowding nearby ' +
            'nerves. Your therapist will work methodically through one region rather than the whole body.',
        ),
      ),
      benefits: [
        { benefit: 'Releases muscles that stay contracted' },
        { benefit: 'Reduces tender points that refer pain' },
        { benefit: 'Can improve posture and movement patterns' },
      ],
      whatToExpect:
        'Your therapist assesses your posture and the areas that hurt, then works on specific points with ' +
        'sustained pressure, usually for 10 to 30 seconds at a time. Some points feel intense but should ease ' +
        'as they are held. Let your therapist know if anything feels sharp or makes leg symptoms worse.',
      pressureLevel: 'firm',
      durations: standardPrices,
      contraindications: [
        { item: general.clots },
        { item: general.fracture },
        { item: general.wounds },
        { item: general.fever },
        { item: 'Taking blood-thinning medication, or a bleeding disorder' },
      ],
      displayOrder: 30,
      meta: {
        title: 'Neuromuscular massage',
        description: 'Precise pressure and cross-fibre friction to help tight, knotted muscles and tender points let go.',
      },
    },
  },
  {
    slug: 'myofascial-release',
    image: 'serviceMyofascial',
    data: {
      name: 'Myofascial release',
      summary:
        'Slow, sustained pressure and stretching of the fascia, the tough connective tissue around the muscles, ' +
        'to ease stiffness and trigger points.',
      description: richText(
        paragraph(
          'Fascia is a tough, web-like layer of connective tissue that wraps and supports every muscle. When it ' +
            'becomes tight, it can restrict movement and cause pain. Stiff, tender knots within it, known as ' +
            'trigger points, are a frequent source of aching and stiffness.',
        ),
        paragraph(
          'In myofascial release your therapist applies gentle, sustained pressure and slow stretches, usually ' +
            'without oil, waiting for the tissue to soften and lengthen. Working on the trigger points in this ' +
            'way can reduce both pain and stiffness.',
        ),
      ),
      benefits: [
        { benefit: 'Eases stiffness in the fascia around the muscles' },
        { benefit: 'Softens trigger points' },
        { benefit: 'Improves flexibility and ease of movement' },
      ],
      whatToExpect:
        'Sessions are slow and quiet. The therapist holds gentle pressure or a light stretch for a minute or ' +
        'more at a time and follows the tissue as it releases. You may feel warmth, a gentle pulling or a ' +
        'spreading sensation. Wear or bring comfortable clothing such as shorts, as little or no oil is used.',
      pressureLevel: 'adjustable',
      durations: standardPrices,
      contraindications: [
        { item: general.clots },
        { item: general.fracture },
        { item: general.wounds },
        { item: general.fever },
        { item: general.skin },
      ],
      displayOrder: 40,
      meta: {
        title: 'Myofascial release',
        description: 'Sustained, gentle pressure and stretching of the fascia to ease stiffness and trigger points.',
      },
    },
  },
  {
    slug: 'hot-stone-massage',
    image: 'serviceHotStone',
    data: {
      name: 'Hot stone massage',
      summary:
        'Smooth, heated stones placed on the body and used with Swedish strokes, so warmth helps tight muscles ' +
        'relax before and during the massage.',
      description: richText(
        paragraph(
          'In a hot stone massage, smooth basalt stones are warmed in water and placed on key points of the ' +
            'body, such as along the back. Your therapist may also hold the stones while using Swedish massage ' +
            'strokes.',
        ),
        paragraph(
          'The warmth helps muscles relax and lets the therapist work effectively with less pressure, which many ' +
            'people with a sensitive, tense lower back find comfortable.',
        ),
        h3('Good to know'),
        bullets(
          'We check the temperature of every stone before it touches your skin.',
          'Tell us straight away if anything feels too warm.',
          'This treatment is not suitable for everyone: please read the list of contraindications.',
        ),
      ),
      benefits: [
        { benefit: 'Deep relaxation' },
        { benefit: 'Warmth eases tense muscles' },
        { benefit: 'Effective with lighter pressure' },
      ],
      whatToExpect:
        'The stones are heated to a comfortable temperature and tested before use. They are placed on your back ' +
        'or held while the therapist uses long, flowing strokes. You stay covered with a sheet throughout. ' +
        'Drink some water afterwards and take things easy for the rest of the day.',
      pressureLevel: 'medium',
      durations: [
        { minutes: 60, price: 135 },
        { minutes: 90, price: 180 },
      ],
      contraindications: [
        { item: general.clots },
        { item: general.fracture },
        { item: general.wounds },
        { item: general.fever },
        { item: general.skin },
        { item: 'Pregnancy: we offer a different massage instead of heated stones' },
        { item: 'Diabetes with reduced feeling in the skin (neuropathy), as heat may not be felt safely' },
        { item: 'Heart conditions, high or low blood pressure that is not well controlled' },
        { item: 'Sunburn, or skin that is sensitive to heat' },
      ],
      displayOrder: 50,
      meta: {
        title: 'Hot stone massage',
        description: 'Heated stones and flowing strokes to help tight muscles relax.',
      },
    },
  },
]

export const services = serviceSeeds.map((seed) => ({
  slug: seed.slug,
  build: (refs: Pick<Refs, 'media' | 'sciatica'>): NewDoc<Service> => ({
    ...seed.data,
    slug: seed.slug,
    image: refs.media[seed.image],
    suitableFor: [refs.sciatica],
    _status: 'published',
  }),
}))
