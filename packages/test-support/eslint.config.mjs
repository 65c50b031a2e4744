import { nodeConfig } from '@clinic/eslint-config'

export default nodeConfig()
