export * from './collections'
export * from './cache-tags'
export type * from './payload-types'
