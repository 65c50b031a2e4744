/**
 * Regenerates the files derived from the CMS config: the shared types
 * (packages/cms-types/src/payload-types.ts) and the admin's import map.
 */
import config from '@payload-config'
import { generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'

const sanitized = await config
await generateTypes(sanitized, { log: false })
await generateImportMap(sanitized, { log: false, force: true })
console.log('Generated the CMS types and the admin import map.')
process.exit(0)
