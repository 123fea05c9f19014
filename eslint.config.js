// ESLint for the whole workspace, configured once here: the recommended JavaScript, typescript-eslint
// and Svelte 5 rules, with eslint-config-prettier last so that layout is Prettier's alone (.prettierrc).
// The rules run without type information: tsc and svelte-check (`pnpm typecheck`) already check types,
// and a type-aware pass would build every TypeScript program again on every lint.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '.toolchain/',
    '.stamps/',
    'data/',
    '**/build/',
    '**/dist/',
    '**/.svelte-kit/',
    '**/test-results/',
    '**/coverage/',
    'tmp/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter, binding or caught error that is deliberately unused (a callback's
      // fixed signature, a destructured element skipped over).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    ignores: ['web/src/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The app is served at the origin's root (no `paths.base`), so wrapping every href and goto()
      // in resolve() would change no URL.
      'svelte/no-navigation-without-resolve': 'off',
      // It flags every Map, Set and Date built in a rune module, including temporaries inside a
      // function and arguments handed to libraries (Y.UndoManager's origins). Shared UI state is
      // $state in manager classes; plain collections there are deliberate.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    // Components and rune modules (`*.svelte.ts`): svelte-eslint-parser, with the TypeScript parser
    // for `<script lang="ts">`, in Svelte 5 runes mode ($state, $derived, $props… are known names).
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, svelteFeatures: { runes: true } },
    },
    rules: {
      // As typescript-eslint advises for TypeScript: the compiler (svelte-check) reports undefined
      // names, and this rule misreads type-only names such as DOM interfaces.
      'no-undef': 'off',
    },
  },
  prettier,
  svelte.configs.prettier,
);
