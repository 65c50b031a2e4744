import { nodeConfig } from '@clinic/eslint-config'

export default nodeConfig(['.next/**', 'media/**', 'data/**', 'src/migrations/**', 'src/app/(payload)/admin/importMap.js', 'next-env.d.ts'])
