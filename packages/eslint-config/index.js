import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** ESLint's and typescript-eslint's recommended rules for Node code, with `ignores` added. */
export function nodeConfig(ignores = []) {
  return tseslint.config(
    { ignores: ['node_modules/**', ...ignores] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      languageOptions: { globals: { ...globals.node } },
      rules: {
        '@typescript-eslint/no-explicit-any': 'off',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      },
    },
  )
}
