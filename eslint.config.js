// ESLint flat config. `npm run lint` checks, `npm run format` fixes (Prettier owns layout, ESLint owns code).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The Node globals our plain .js/.mjs files use (the TS files get them from @types/node via the compiler).
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'AbortSignal',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'fetch',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  // .kjd/ holds what the scripts generate (the benchmarks' compiled TypeScript): git ignores it, and so does lint.
  globalIgnores(['dist/', 'node_modules/', 'build/', 'coverage/', 'cluster/build/', 'test/fixtures/', '.kjd/']),
  js.configs.recommended,
  // Every file gets the syntactic rules; the .ts files in tsconfig.json also get the type-aware ones
  // (floating promises, misused promises, unsafe any...). The whole repo lints in 11-20 s on 2 cores.
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsconfig's noUnusedLocals/noUnusedParameters already fail the build; this mirrors them in the editor and
      // keeps the `_name` convention for a parameter that an interface requires but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // `==` coerces; the one idiom worth keeping is `x == null` (null or undefined).
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Sanitising untrusted pod/JVM output (ANSI escapes, NUL..US) is exactly what our control-character regexes do.
      'no-control-regex': 'off',
      'no-throw-literal': 'error',
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // The action and the CLI report through @actions/core and the CLI's own writer, never a bare console call
    // (a stray console.log in the action would bypass masking of secrets).
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Tests, benches and scripts print freely. Their fakes and assertions read untyped JSON (API bodies, jest
    // results) all the time: the no-unsafe-* family would flag ~330 such reads there without finding bugs.
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
