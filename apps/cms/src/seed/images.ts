import sharp from 'sharp'

/**
 * Calm abstract placeholder images, drawn locally as SVG and rendered to JPEG with sharp, so the
 * demo has pictures without downloading anything. No text, no people: soft gradients and shapes.
 */

export type Palette = {
  /** Gradient from top-left to bottom-right. */
  from: string
  to: string
  /** Colours for the shapes drawn over the gradient. */
  shapes: [string, string, string]
}

export const palettes = {
  sage: { from: '#e8efe6', to: '#b9cdb4', shapes: ['#8fae8b', '#dfe8d8', '#6f8f6c'] },
  sand: { from: '#f6efe4', to: '#e2cfb2', shapes: ['#cfb38c', '#f3e6d3', '#b8976b'] },
  mist: { from: '#eaf1f4', to: '#b7cbd6', shapes: ['#8eaabb', '#dde8ee', '#6b8ba0'] },
  clay: { from: '#f5e9e2', to: '#ddb8a4', shapes: ['#c99478', '#f1ddd1', '#a8735a'] },
  lavender: { from: '#efedf5', to: '#c9c3dc', shapes: ['#a59cc4', '#e5e1ef', '#857ba8'] },
  stone: { from: '#eeeeeb', to: '#c8c6bf', shapes: ['#8d8a82', '#e2e0da', '#6c6962'] },
} satisfies Record<string, Palette>

export type PaletteName = keyof typeof palettes

/** What is drawn over the gradient. */
export type Motif = 'hills' | 'circles' | 'stones' | 'waves' | 'portrait' | 'arc'

export type ImageSpec = {
  palette: PaletteName
  motif: Motif
  /** Varies shape positions, so two images with the same motif still differ. */
  variant: number
  width?: number
  height?: number
}

/** A tiny deterministic random generator, so the same spec always draws the same picture. */
function random(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return ((state >>> 0) % 10_000) / 10_000
  }
}

function motifShapes(spec: ImageSpec, width: number, height: number, palette: Palette): string {
  const rnd = random(spec.variant + 1)
  const [a, b, c] = palette.shapes
  switch (spec.motif) {
    case 'hills': {
      const hill = (baseY: number, amp: number, colour: string, opacity: number) => {
        const p = rnd() * width
        return `<path d="M0 ${baseY} C ${width * 0.25} ${baseY - amp}, ${p} ${baseY + amp * 0.6}, ${width} ${baseY - amp * 0.4} L ${width} ${height} L 0 ${height} Z" fill="${colour}" opacity="${opacity}"/>`
      }
      return [hill(height * 0.55, 140, b, 0.8), hill(height * 0.68, 120, a, 0.7), hill(height * 0.82, 90, c, 0.55)].join('')
    }
    case 'circles': {
      const circles: string[] = []
      for (let i = 0; i < 7; i++) {
        const colour = [a, b, c][i % 3]
        const r = 60 + rnd() * 220
        circles.push(`<circle cx="${rnd() * width}" cy="${rnd() * height}" r="${r}" fill="${colour}" opacity="${0.25 + rnd() * 0.35}"/>`)
      }
      return circles.join('')
    }
    case 'stones': {
      // A gentle stack of smooth, rounded stones on a horizon line.
      const cx = width * (0.45 + rnd() * 0.1)
      const stones = [
        { w: 300, h: 110, y: height * 0.72, colour: c },
        { w: 240, h: 92, y: height * 0.72 - 100, colour: a },
        { w: 180, h: 74, y: height * 0.72 - 182, colour: c },
        { w: 120, h: 56, y: height * 0.72 - 246, colour: a },
      ]
      return [
        `<rect x="0" y="${height * 0.78}" width="${width}" height="${height * 0.22}" fill="${b}" opacity="0.7"/>`,
        ...stones.map(
          (s, i) =>
            `<ellipse cx="${cx + (rnd() - 0.5) * 24}" cy="${s.y}" rx="${s.w / 2}" ry="${s.h / 2}" fill="${s.colour}" opacity="${0.85 - i * 0.05}"/>`,
        ),
      ].join('')
    }
    case 'waves': {
      const waves: string[] = []
      for (let i = 0; i < 6; i++) {
        const y = height * (0.25 + i * 0.12)
        const amp = 30 + rnd() * 50
        const colour = [a, b, c][i % 3]
        waves.push(
          `<path d="M0 ${y} Q ${width * 0.25} ${y - amp}, ${width * 0.5} ${y} T ${width} ${y}" stroke="${colour}" stroke-width="${14 + rnd() * 18}" fill="none" stroke-linecap="round" opacity="0.6"/>`,
        )
      }
      return waves.join('')
    }
    case 'portrait': {
      // An abstract, faceless bust: a circle above a rounded shoulder shape. No features, no initials.
      const cx = width / 2
      return [
        `<circle cx="${width * (0.15 + rnd() * 0.1)}" cy="${height * 0.2}" r="${height * 0.25}" fill="${b}" opacity="0.6"/>`,
        `<circle cx="${cx}" cy="${height * 0.38}" r="${height * 0.16}" fill="${a}"/>`,
        `<path d="M ${cx - height * 0.36} ${height} C ${cx - height * 0.34} ${height * 0.62}, ${cx + height * 0.34} ${height * 0.62}, ${cx + height * 0.36} ${height} Z" fill="${c}" opacity="0.85"/>`,
      ].join('')
    }
    case 'arc': {
      return [
        `<circle cx="${width * (0.6 + rnd() * 0.2)}" cy="${height * 0.95}" r="${height * 0.75}" fill="${a}" opacity="0.45"/>`,
        `<circle cx="${width * (0.6 + rnd() * 0.2)}" cy="${height * 0.95}" r="${height * 0.5}" fill="${b}" opacity="0.6"/>`,
        `<circle cx="${width * (0.2 + rnd() * 0.1)}" cy="${height * 0.25}" r="${height * 0.12}" fill="${c}" opacity="0.5"/>`,
      ].join('')
    }
  }
}

export function svgFor(spec: ImageSpec): string {
  const width = spec.width ?? 1600
  const height = spec.height ?? 900
  const palette: Palette = palettes[spec.palette]
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#g)"/>
${motifShapes(spec, width, height, palette)}
</svg>`
}

/** Renders a spec to a JPEG buffer (1600×900 unless the spec says otherwise). */
export async function renderJpeg(spec: ImageSpec): Promise<Buffer> {
  return sharp(Buffer.from(svgFor(spec))).jpeg({ quality: 82, mozjpeg: true }).toBuffer()
}
