import type { Condition } from '@clinic/cms-types'
import { bold, paragraph, richText } from '../lexical'
import { references, reviewedDaysAgo } from './sources'
import type { NewDoc, Refs } from './types'

export const sciaticaSlug = 'sciatica'

/**
 * The sciatica condition page. It is created before the services, exercises and articles that
 * link to it; the seed fills its own `related*` lists once those exist.
 */
export const sciatica = (refs: Pick<Refs, 'team'>): NewDoc<Condition> => ({
  name: 'Sciatica',
  slug: sciaticaSlug,
  summary:
    'Pain, tingling or numbness that travels from the lower back or buttock down one leg, caused by an ' +
    'irritated or compressed nerve root. Massage and gentle movement can ease it; some signs need a doctor.',
  whatItIs: richText(
    paragraph(
      'No nerve in the body is longer or wider than the sciatic nerve, which is close to the width of a ' +
        'finger at its thickest. There is one on each side. Each is formed where five nerve roots leaving the spine join ' +
        'together: two from the lumbar spine in the lower back (',
      bold('L4 and L5'),
      ') and three from the sacrum at the base of the spine (',
      bold('S1 to S3'),
      ').',
    ),
    paragraph(
      'From the lower back, each sciatic nerve passes through the hip and deep under the buttock muscles, then ' +
        'runs down the back of the thigh. Around the back of the knee it divides into smaller nerves that carry on ' +
        'through the calf and shin into the foot and toes. That long path is why trouble near the spine can be ' +
        'felt far down the leg.',
    ),
    paragraph(
      'The nerve itself is rarely damaged. Most people use the word "sciatica" for a pattern of pain, not a ' +
        'diagnosis. The pain starts in the lower back or buttock and spreads down one leg. It happens when one ' +
        'of the nerve roots is irritated, swollen, pinched or pressed on. It helps to find out what is pressing ' +
        'on the nerve, because the cause guides the treatment.',
    ),
    paragraph(
      'Most people get better within a few weeks to a few months. Staying gently active and hands-on care ' +
        'both help. Massage cannot fix a bulging disc or widen a narrow spinal canal. But it can ease the tight ' +
        'muscles around the nerve, help your body relax and make it easier to move while you heal.',
    ),
  ),
  causes: [
    {
      cause: 'Bulging or herniated disc',
      detail:
        'The soft centre of a spinal disc can push outwards and press on or inflame a nearby nerve root. This is the most common cause.',
    },
    {
      cause: 'Spinal stenosis',
      detail:
        'Narrowing of the spaces the nerves pass through, often from age-related changes, which can squeeze the nerve roots.',
    },
    {
      cause: 'Tight piriformis muscle',
      detail:
        'The piriformis sits deep in the buttock, right by the sciatic nerve. When it is tight or in spasm it can irritate the nerve.',
    },
    {
      cause: 'Tight hips, core and hip flexors',
      detail:
        'Tension and imbalance in the muscles around the pelvis and lower back change how load passes through the spine and hips.',
    },
    {
      cause: 'Injury to the lower back or hip',
      detail: 'A fall, a lifting strain or a sports injury can inflame the tissues around a nerve root.',
    },
    {
      cause: 'Pregnancy',
      detail: 'A shifting centre of gravity, looser ligaments and the growing baby can all add pressure in the lower back and pelvis.',
    },
    {
      cause: 'Long hours of sitting',
      detail: 'Sitting for long stretches keeps pressure on the discs and buttock muscles and lets the hips stiffen.',
    },
  ],
  symptoms: [
    { symptom: 'Pain that travels from the lower back or buttock down the back of one leg' },
    { symptom: 'Pain that feels burning, electric, stabbing or like a sudden jolt' },
    { symptom: 'Pain that is stronger in the leg than in the lower back' },
    { symptom: 'Numbness along the leg or in the foot' },
    { symptom: 'Tingling or pins and needles in the leg, foot or toes' },
    { symptom: 'Weakness in the leg or foot' },
    { symptom: 'Pain that gets worse after sitting or standing for a long time' },
    { symptom: 'Pain that flares when you twist, cough, sneeze or strain' },
    { symptom: 'Pain that is constant, or that comes and goes' },
  ],
  redFlags: [
    { flag: 'Loss of control of your bladder or bowels, or difficulty passing urine' },
    { flag: 'Numbness in the groin, genitals, inner thighs or buttocks (the "saddle" area)' },
    { flag: 'Leg weakness that is getting worse, or a foot that drags or slaps when you walk (foot drop)' },
    { flag: 'Symptoms in both legs at once' },
    { flag: 'Back or leg pain that began after a major injury, such as a fall or a car accident' },
    { flag: 'Back pain together with a fever, unexplained weight loss or a history of cancer' },
    { flag: 'Severe pain that does not ease with rest, or is not improving after a week or two' },
  ],
  meta: {
    title: 'Sciatica: symptoms, causes and how massage can help',
    description:
      'What sciatica is, the symptoms and causes to know, the warning signs that need a doctor, and how massage and gentle exercises can help.',
  },
  medicalReviewer: refs.team.reviewer,
  reviewedAt: reviewedDaysAgo(21),
  sources: [
    references.nhsSciatica,
    references.niceNg59,
    references.niceCksSciatica,
    references.nhsCaudaEquina,
    references.medlineSciatica,
  ],
  _status: 'published',
})
