import type { AfterErrorHook } from 'payload'

/** Placeholder, replaced below once stock behaviour is known. */
export const clientErrorsAs400: AfterErrorHook = () => undefined as never
