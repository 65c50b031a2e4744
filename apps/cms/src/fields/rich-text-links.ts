import { LinkFeature, type FeatureProviderServer } from '@payloadcms/richtext-lexical'
import type { TextFieldSingleValidation } from 'payload'
import { validateLink } from './url'

/**
 * Rich-text links follow the same rule as every other link staff enter (fields/url.ts): a custom
 * URL is a path that stays on the site when a browser resolves it, or a full http(s), mailto or tel
 * address. Lexical's own check lets `/\evil.example` through.
 */
export const siteLinkFeature = LinkFeature({
  fields: ({ defaultFields }) =>
    defaultFields.map((field) => {
      if (!('name' in field) || field.name !== 'url' || field.type !== 'text') return field
      const lexicalValidate = field.validate as TextFieldSingleValidation | undefined
      const validate: TextFieldSingleValidation = (value, options) => {
        const base = lexicalValidate ? lexicalValidate(value, options) : true
        if (base !== true) return base
        if ((options.siblingData as { linkType?: string } | undefined)?.linkType === 'internal') return true
        return validateLink(value)
      }
      return { ...field, hasMany: false, validate } as typeof field
    }),
})

/** The default features with the link feature above in place of Lexical's. */
export const withSiteLinks = (features: FeatureProviderServer<any, any, any>[]): FeatureProviderServer<any, any, any>[] => [
  ...features.filter((feature) => feature.key !== 'link'),
  siteLinkFeature,
]
