import type { Plugin } from 'payload'

export const queryGuard = (): Plugin => (config) => config
