import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { ImageResponse } from 'next/og'
import { getArticle, getCondition, getExercise, getPage, getService } from '@/lib/cms/queries'
import { renderOnce } from '@/lib/og/render-queue'
import { isRoutedCollection, socialImageKind, socialImagePath, socialImageSize } from '@/lib/og/social-image'
import { isBeingWarmed } from '@/lib/og/warm'
import { clinicName } from '@/lib/site'

/**
 * The generated Open Graph image of a document without an SEO image of its own: its title, what it
 * is, and the clinic's name and colours. Cached like the pages: the CMS reads are the page's own
 * (same URL, same tags), so a publish or a slug change purges it; the site then renders it again in
 * the background (lib/og/warm.ts), and at start, so visitors' link previews find it warm.
 */
export const revalidate = false

export function generateStaticParams() {
  return []
}

type Params = { params: Promise<{ collection: string; slug: string }> }

const readers = {
  articles: async (slug: string) => (await getArticle(slug))?.title,
  services: async (slug: string) => (await getService(slug))?.name,
  exercises: async (slug: string) => (await getExercise(slug))?.name,
  conditions: async (slug: string) => (await getCondition(slug))?.name,
  pages: async (slug: string) => (await getPage(slug))?.title,
}

// Inter, from the @fontsource/inter package installed with the site: nothing is downloaded at run time.
const fontFile = (weight: 400 | 700) => path.join(process.cwd(), 'node_modules', '@fontsource', 'inter', 'files', `inter-latin-${weight}-normal.woff`)

const colours = { brand: '#2c5a4d', brandDark: '#1f4239', tint: '#e8f1ed', paper: '#fbfaf6' }

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { collection, slug } = await params
  if (!isRoutedCollection(collection)) return new Response('No such image.', { status: 404 })
  const [title, name, regular, bold] = await Promise.all([
    readers[collection](slug),
    clinicName(),
    readFile(fontFile(400)),
    readFile(fontFile(700)),
  ])
  if (!title) return new Response('No such image.', { status: 404 })
  // One render per image at a time, one render at a time in all (lib/og/render-queue.ts); the
  // background warmer's (lib/og/warm.ts) after any visitor's.
  const priority = isBeingWarmed(socialImagePath(collection, slug)) ? 'low' : 'visitor'
  const image = await renderOnce(
    `${collection}/${slug}/${title}/${name}`,
    async () => {
      const response = render(collection, title, name, regular, bold)
      return { body: await response.arrayBuffer(), headers: [...response.headers] }
    },
    priority,
  )
  return new Response(image.body, { headers: image.headers })
}

function render(collection: keyof typeof socialImageKind, title: string, name: string, regular: Buffer, bold: Buffer): ImageResponse {
  const titleSize = title.length > 60 ? 56 : title.length > 32 ? 68 : 80

  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '72px 80px',
          background: colours.paper,
          borderLeft: `24px solid ${colours.brand}`,
          fontFamily: 'Inter',
        }}
      >
        <div style={{ display: 'flex' }}>
          <div
            style={{
              display: 'flex',
              padding: '10px 24px',
              borderRadius: 999,
              background: colours.tint,
              color: colours.brandDark,
              fontSize: 30,
              fontWeight: 700,
            }}
          >
            {socialImageKind[collection]}
          </div>
        </div>
        <div style={{ display: 'flex', fontSize: titleSize, fontWeight: 700, lineHeight: 1.15, color: '#1d2624' }}>{title}</div>
        <div style={{ display: 'flex', alignItems: 'center', fontSize: 34, color: colours.brand }}>
          <div style={{ width: 28, height: 28, borderRadius: 999, background: colours.brand, marginRight: 18 }} />
          {name}
        </div>
      </div>
    ),
    {
      ...socialImageSize,
      fonts: [
        { name: 'Inter', data: regular, weight: 400, style: 'normal' },
        { name: 'Inter', data: bold, weight: 700, style: 'normal' },
      ],
    },
  )
}
