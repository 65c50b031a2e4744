// The site's security headers: security-headers.mjs (plain JavaScript, imported by next.config.mjs).
export { contentSecurityPolicy, fixedSecurityHeaders } from './security-headers.mjs'
