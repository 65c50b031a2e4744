export * from './collections'
export * from './cache-tags'
export type * from './payload-types'
export * from './booking'
