import type { AfterErrorHook } from 'payload'

/**
 * Safety net behind the request guard: a body or parameter that fails to parse as JSON inside
 * Payload is the client's mistake, so it gets a 400 that says so rather than a 500.
 */
export const clientErrorsAs400: AfterErrorHook = ({ error }) => {
  if (error instanceof SyntaxError) {
    return {
      status: 400,
      response: { errors: [{ name: 'ValidationError', message: `The request could not be read: ${error.message}` }] },
    }
  }
  return undefined as never
}
