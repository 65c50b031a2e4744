import type { MediaKey } from './media'

/** The data a new document is created with: everything but what Payload fills in itself. */
export type NewDoc<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'>

/** Ids of documents made earlier in the seed, for relationships. */
export type Refs = {
  media: Record<MediaKey, number>
  team: { author: number; reviewer: number }
  sciatica: number
  services: Record<string, number>
  exercises: Record<string, number>
}

/** Looks up an id the seed made earlier; a typo in content fails loudly instead of linking nothing. */
export function ref(map: Record<string, number>, key: string): number {
  const id = map[key]
  if (id === undefined) throw new Error(`seed: no document "${key}" to link to`)
  return id
}
