import { nodeConfig } from '@clinic/eslint-config'

export default nodeConfig(['src/payload-types.ts'])
