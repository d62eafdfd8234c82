import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a parameter or a destructured member that is dropped on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    // TypeScript itself reports undefined names, with the right globals (typescript-eslint's advice).
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    // Tests read wire answers as untyped JSON and assert on them member by member.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['postman/*.postman.js'],
    // Runs inside Postman's sandbox, which provides these.
    languageOptions: { globals: { pm: 'readonly', CryptoJS: 'readonly', console: 'readonly' } },
  },
  {
    files: ['console/*.js'],
    // The console's script runs in the browser, as a classic script.
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['document', 'window', 'fetch', 'EventSource', 'FormData', 'URLSearchParams', 'Node', 'console'].map((name) => [
          name,
          'readonly',
        ]),
      ),
    },
  },
  {
    files: ['*.js', 'build/*.js', 'scripts/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
