// npm run lint: typescript-eslint's type-checked recommendations over src/ and test/.
// Rules turned off, and why:
// - no-unsafe-*: the GraphQL results in tests and the raw SQL rows (ds.query returns any) are untyped by
//   nature; typing every row would add casts, not safety.
// - no-explicit-any: the same rows and test results.
// - unbound-method: type-graphql and jest pass methods by reference on purpose.
// - require-await / no-misused-promises(checksVoidReturn): Express and Apollo accept async handlers.
// - no-unsafe-enum-comparison: enums are stored as text; rows compare with them on purpose.
// - no-base-to-string: String(value) of unknown input is how bad input is described, deliberately.
// - no-control-regex: control characters are stripped from headers and imported text on purpose.
// - no-unnecessary-type-assertion (generic-call form): style only; 20 call sites across the tests.
// - no-require-imports, no-unsafe-function-type: a few tests load modules lazily or check callables.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'operations/generated/**', 'test/bench/**', 'coverage/**', 'bench-results/**', '*.js', '*.mjs', 'scripts/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      'no-control-regex': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
);
