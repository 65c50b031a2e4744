import type { Article } from '@clinic/cms-types'
import {
  bold,
  bullets,
  callout,
  exerciseEmbed,
  h2,
  h3,
  numbered,
  paragraph,
  richText,
  serviceEmbed,
} from '../lexical'
import { references, reviewedDaysAgo } from './sources'
import type { NewDoc, Refs } from './types'
import { ref } from './types'

export const sciaticaArticleSlug = 'sciatica-and-massage'

const flossingExercises = ['mobilizing-nerve-floss', 'seated-sciatic-nerve-floss', 'hamstring-floss']
const stretches = ['hip-flexor-stretch', 'groin-stretch', 'glute-stretch']
const allServices = [
  'deep-tissue-massage',
  'swedish-massage',
  'neuromuscular-massage',
  'myofascial-release',
  'hot-stone-massage',
]

function sciaticaArticle(refs: Refs): NewDoc<Article> {
  const service = (slug: string) => ref(refs.services, slug)
  const exercise = (slug: string) => ref(refs.exercises, slug)
  return {
    title: 'Sciatica and massage: what helps and why',
    slug: sciaticaArticleSlug,
    excerpt:
      'Pain that runs from your buttock down one leg is often sciatica. Here is what is going on, which ' +
      'kinds of massage can help, gentle exercises to try at home, and the signs that mean you should see a doctor.',
    heroImage: refs.media.articleSciatica,
    body: richText(
      paragraph(
        'An ache deep in your buttock that spreads down the back of your leg can make daily life hard. Sitting ' +
          'at a desk, driving and sleeping well can all become a struggle. There are several possible reasons for this kind of pain, ' +
          'but one of the most common is sciatica. The good news is that for many people it settles with time, ' +
          'and therapeutic massage and a few gentle exercises can make the journey a lot more comfortable.',
      ),
      h2('What is sciatica?'),
      paragraph(
        'Sciatica is pain caused by irritation of the sciatic nerve or of the nerve roots that form it. No ' +
          'nerve in the body is longer or thicker: at its widest it is nearly the width of a finger. Five nerve ' +
          'roots build it, two leaving the lumbar spine in the lower back and three leaving the sacrum below it.',
      ),
      paragraph(
        'Those roots join to make one sciatic nerve on each side. It travels through the hip, under the ' +
          'buttock muscles and down the back of the thigh, then splits into smaller nerves that carry on to the ' +
          'foot and toes.',
      ),
      paragraph(
        'Actual damage to the sciatic nerve is rare. People usually use the word ',
        bold('sciatica'),
        ' for any pain that starts in the lower back and travels down the leg because a nerve root is irritated, ' +
          'inflamed, pinched or compressed.',
      ),
      h2('Symptoms'),
      paragraph('Sciatica feels different from person to person, but the common signs are:'),
      bullets(
        'Pain anywhere along the nerve’s path: the lower back, hip, buttock or down one leg',
        'Pain described as sharp, shooting, burning, electric or stabbing, or as sudden jolts',
        'Pain that is worse in the leg than in the back',
        'Numbness, or tingling and pins and needles in the leg, foot or toes',
        'Weakness in the leg or foot',
        'Pain that builds when you sit or stand for a long time, twist, or cough and sneeze',
      ),
      paragraph('The pain may be there all the time, or come and go.'),
      h2('What causes it?'),
      paragraph(
        'Anything that crowds or irritates a nerve root in the lower back can cause sciatica. The most common ' +
          'culprits are:',
      ),
      bullets(
        [bold('A bulging or herniated disc'), ' pressing on a nerve root'],
        [bold('Spinal stenosis'), ', a narrowing of the spaces the nerves run through'],
        [bold('A tight piriformis'), ', the deep buttock muscle that lies right beside the sciatic nerve'],
        [bold('Tension in the hips, core and hip flexors'), ' that changes how the lower back is loaded'],
        [bold('Injury'), ' to the lower back or hip'],
        [bold('Pregnancy'), ' and ', bold('long hours of sitting'), ', which both add pressure to the lower back and pelvis'],
      ),
      paragraph(
        'The cause shapes the treatment. If you have not had a diagnosis yet, it is worth seeing a doctor or ' +
          'physiotherapist.',
      ),
      callout(
        'red-flag',
        'When to see a doctor first',
        'Do not start with massage if you notice any of these signs. You cannot control your bladder or bowels. ' +
          'Your groin, inner thighs or buttocks feel numb. Your leg is getting weaker, or your foot drags when you ' +
          'walk. You have symptoms in both legs. The pain began after a bad fall or accident. You have back pain ' +
          'with a fever, or you are losing weight without trying. The pain is severe and not easing after a week ' +
          'or two.\n\nIf you cannot control your bladder or bowels, or you feel numb between your legs, get ' +
          'emergency care the same day.',
      ),
      h2('How massage helps'),
      paragraph(
        'Massage cannot fix a disc, but it can change how the area around an irritated nerve feels and moves:',
      ),
      bullets(
        [bold('It eases tight muscles.'), ' Tense muscles in the lower back, buttocks and hips can press on and irritate the nerve; softening them takes some of that pressure off.'],
        [bold('It releases endorphins.'), ' Hands-on soft tissue work prompts the body to release endorphins, natural chemicals that lift mood and dampen pain.'],
        [bold('It improves circulation.'), ' Better blood flow to stiff tissues helps them move and recover.'],
        [bold('It helps you relax.'), ' Pain keeps the nervous system on alert; a calmer body often feels less pain.'],
      ),
      paragraph(
        'In a session, your therapist will look at the whole middle of your body, not just the sore spot. They ' +
          'check your range of motion, work on muscle tension around the lower back, hips and legs, and pay ' +
          'attention to where your symptoms travel, which hints at the nerve root involved.',
      ),
      h3('How quickly will I feel better?'),
      paragraph(
        'It varies. How active you are, how many hours you sit or stand at work, and your strength and balance ' +
          'all play a part. Some people feel a real difference after two sessions; for others it takes a couple ' +
          'of months of regular treatment. Keeping a simple note of when your pain comes and what makes it better ' +
          'or worse helps you and your therapist see progress.',
      ),
      h2('Which massage is right for me?'),
      paragraph(
        'Several styles of massage can help with sciatica. Your therapist will suggest one based on your ' +
          'symptoms and what you find comfortable, and can blend techniques in a single session.',
      ),
      serviceEmbed(
        service('deep-tissue-massage'),
        'Slow, firm pressure for deep and long-standing tension in the lower back, buttocks and legs. A small study found that short, frequent sessions over two weeks reduced low back pain, including sciatica.',
      ),
      serviceEmbed(
        service('swedish-massage'),
        'Lighter, flowing strokes that boost circulation and general relaxation: a good start if your pain is easily stirred up.',
      ),
      serviceEmbed(
        service('neuromuscular-massage'),
        'Focused pressure and friction to release muscles that have stayed contracted around the hips.',
      ),
      serviceEmbed(
        service('myofascial-release'),
        'Sustained pressure and stretching of the fascia and its trigger points to ease pain and stiffness.',
      ),
      serviceEmbed(
        service('hot-stone-massage'),
        'Warm stones help tense muscles relax, so the therapist can work well with less pressure.',
      ),
      h2('Exercises to try at home'),
      paragraph(
        'Nerve flossing, also called nerve gliding or neural mobilisation, uses slow, gentle movements to help ' +
          'the sciatic nerve slide freely along its path. Done regularly, it can calm an irritated nerve and help ' +
          'you move more freely, particularly at the hip. You need no special equipment, and the movements are simple.',
      ),
      exerciseEmbed(exercise('mobilizing-nerve-floss'), 'A lying nerve glide: the easiest place to start.'),
      exerciseEmbed(exercise('seated-sciatic-nerve-floss'), 'The same idea on a chair, handy at work.'),
      exerciseEmbed(exercise('hamstring-floss'), 'A standing glide through the back of the thigh.'),
      paragraph(
        'Alongside nerve flossing, gentle stretches for the hips and buttocks help the muscles around the nerve ' +
          'let go:',
      ),
      exerciseEmbed(exercise('hip-flexor-stretch'), 'Opens the front of the hip after long hours of sitting.'),
      exerciseEmbed(exercise('groin-stretch'), 'Eases the inner thighs so the hips move more freely.'),
      exerciseEmbed(exercise('glute-stretch'), 'Targets the piriformis, right next to the sciatic nerve.'),
      callout(
        'warning',
        'Go gently',
        'Home exercises should feel like mild tension or a comfortable stretch, never pain. Move slowly, do not ' +
          'bounce or hold nerve glides at the end of the movement, and stop if numbness, tingling or pain down ' +
          'the leg increases. Nerve flossing works best as part of a wider plan that may include physiotherapy ' +
          'and advice from your doctor.',
      ),
      h3('A simple routine'),
      numbered(
        'Warm up with a few minutes of easy walking.',
        'Do one nerve floss, starting with fewer repetitions than suggested.',
        'Follow with the three stretches, one side at a time.',
        'Note how you feel that evening and the next morning, and adjust.',
      ),
      h2('The bottom line'),
      paragraph(
        'Therapeutic massage is a helpful way to ease sciatic pain, and there are several styles to choose from. ' +
          'Combined with gentle home exercises and a clear diagnosis, it can help you move more comfortably and ' +
          'get back to the things you enjoy. If you would like help, book an appointment and we will work out a ' +
          'plan together: our aim is not just less pain, but feeling well in your body again.',
      ),
    ),
    author: refs.team.author,
    medicalReviewer: refs.team.reviewer,
    reviewedAt: reviewedDaysAgo(20),
    sources: [
      references.nhsSciatica,
      references.niceNg59,
      references.nhsCaudaEquina,
      references.cochraneMassage,
      references.neuralMobilisation,
    ],
    publishedAt: '2026-11-17T09:00:00.000Z',
    conditions: [refs.sciatica],
    relatedServices: allServices.map(service),
    relatedExercises: [...flossingExercises, ...stretches].map(exercise),
    meta: {
      title: 'Sciatica and massage: what helps and why',
      description:
        'What sciatica is, its symptoms and causes, how massage helps, which massage to choose and gentle nerve flossing exercises to try at home.',
      image: refs.media.articleSciatica,
    },
    _status: 'published',
  }
}

function deskArticle(refs: Refs): NewDoc<Article> {
  const exercise = (slug: string) => ref(refs.exercises, slug)
  return {
    title: 'Desk-day habits that ease a sore lower back',
    slug: 'desk-day-habits-for-a-sore-lower-back',
    excerpt:
      'Long hours in a chair stiffen the hips and load the lower back. A few small habits spread through the ' +
      'working day can make a real difference.',
    heroImage: refs.media.articleDesk,
    body: richText(
      paragraph(
        'Sitting is not harmful in itself, but sitting still for hours is hard on the body. The hip flexors ' +
          'shorten, the buttock muscles switch off and the discs in the lower back carry a steady load. For ' +
          'anyone prone to back pain or sciatica, that often shows up as stiffness by mid-afternoon.',
      ),
      h2('Small changes that add up'),
      bullets(
        'Stand up and move for a minute or two every 30 to 45 minutes. A glass of water nearby is a good reminder.',
        'Set your chair so your feet rest flat on the floor and your hips are level with or slightly above your knees.',
        'Bring the screen to eye height so you are not leaning forward to read.',
        'Take phone calls standing or walking when you can.',
        'Change position often: no single posture is perfect for hours at a time.',
      ),
      h2('Two exercises for the working day'),
      paragraph('Both of these can be done in a few minutes without leaving your workspace.'),
      exerciseEmbed(exercise('seated-sciatic-nerve-floss')),
      exerciseEmbed(exercise('hip-flexor-stretch'), 'Best done at lunchtime or straight after work.'),
      callout(
        'info',
        'Listen to your body',
        'If back or leg pain keeps coming back despite these changes, or you notice numbness or weakness, ask a ' +
          'doctor or physiotherapist to take a look.',
      ),
    ),
    author: refs.team.author,
    medicalReviewer: refs.team.reviewer,
    reviewedAt: reviewedDaysAgo(27),
    sources: [references.nhsBackPain, references.niceNg59],
    publishedAt: '2026-11-03T09:00:00.000Z',
    conditions: [refs.sciatica],
    relatedExercises: ['seated-sciatic-nerve-floss', 'hip-flexor-stretch'].map(exercise),
    _status: 'published',
  }
}

function firstVisitArticle(refs: Refs): NewDoc<Article> {
  const service = (slug: string) => ref(refs.services, slug)
  return {
    title: 'What to expect at your first massage',
    slug: 'what-to-expect-at-your-first-massage',
    excerpt:
      'New to massage therapy? Here is how a first appointment at our clinic runs, from the health form to ' +
      'aftercare, so you can arrive relaxed.',
    heroImage: refs.media.articleFirstVisit,
    body: richText(
      paragraph(
        'A first massage can feel like a step into the unknown. Here is how an appointment with us usually goes.',
      ),
      h2('Before you arrive'),
      paragraph(
        'We will ask you to fill in a short health form. It helps your therapist keep you safe, so mention any ' +
          'conditions, medicines, recent injuries or pregnancy. Wear something comfortable and arrive a few ' +
          'minutes early.',
      ),
      h2('During the session'),
      numbered(
        'Your therapist talks with you about what brings you in and what you would like from the session.',
        'They may watch how you move or check your range of motion.',
        'You undress to your comfort level in private and lie under a sheet; only the area being worked on is uncovered.',
        'Throughout the massage, say so if you would like more or less pressure, or if anything is uncomfortable.',
      ),
      h2('Afterwards'),
      paragraph(
        'Have a glass of water and take things gently for the rest of the day. Some tenderness the next day is ' +
          'normal after firmer work and usually fades within a day or two. Your therapist may suggest a simple ' +
          'stretch to try at home.',
      ),
      serviceEmbed(service('swedish-massage'), 'A relaxing, gentle choice for a first visit.'),
    ),
    author: refs.team.author,
    medicalReviewer: refs.team.reviewer,
    reviewedAt: reviewedDaysAgo(40),
    sources: [references.nccihMassage],
    publishedAt: '2026-10-20T09:00:00.000Z',
    relatedServices: [service('swedish-massage')],
    _status: 'published',
  }
}

export const articles: { slug: string; build: (refs: Refs) => NewDoc<Article> }[] = [
  { slug: sciaticaArticleSlug, build: sciaticaArticle },
  { slug: 'desk-day-habits-for-a-sore-lower-back', build: deskArticle },
  { slug: 'what-to-expect-at-your-first-massage', build: firstVisitArticle },
]
