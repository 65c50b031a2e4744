import { readFile } from 'node:fs/promises'
import path from 'node:path'

// Browsers ask for /favicon.ico on their own, before (or without) reading the page's icon link:
// answer with the site's SVG icon instead of a 404. Read once, when the site is built.
export const dynamic = 'force-static'

export async function GET(): Promise<Response> {
  const icon = await readFile(path.join(process.cwd(), 'src/app/icon.svg'))
  return new Response(icon, {
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' },
  })
}
