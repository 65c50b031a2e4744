import type { RevalidateRequest } from '@clinic/cms-types'
import { z } from 'zod'

const schema = z.object({
  tags: z
    .array(z.string().trim().min(1).max(256))
    .min(1)
    .max(200),
}) satisfies z.ZodType<RevalidateRequest>

/** Parses the body of a revalidation call; returns the unique tags or a message for the caller. */
export function parseRevalidateRequest(body: unknown): { tags: string[] } | { error: string } {
  const result = schema.safeParse(body)
  if (!result.success) return { error: 'Send JSON like {"tags": ["collection:articles"]} with 1 to 200 tags.' }
  return { tags: [...new Set(result.data.tags)] }
}
