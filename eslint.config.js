// ESLint flat config. Type-aware typescript-eslint rules for every TypeScript and Svelte file,
// and the layer map (see LAYERS below) as one rule that fails the lint when a layer is crossed.
// Formatting is Prettier's job (npm run format); nothing here is about layout.
import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layer map of src-main: each layer and the layers its files may import (besides its own files).
 * contract is the API between UI and core and imports nothing of ours; router decides from the
 * contract alone; the services (local, cloud, history, models, settings) know only the contract;
 * http holds the request guards every Duet server runs (loopback Host, constant-time secrets, body
 * limits) and imports nothing of ours; openai is the OpenAI wire format (requests, answers, errors, the
 * /v1 handler) over a port the core implements; core composes them; the shells (server, electron) see only core and the contract, and the
 * headless server the http guards too.
 */
const LAYERS = {
  contract: [],
  router: ['contract'],
  local: ['contract'],
  cloud: ['contract'],
  history: ['contract'],
  models: ['contract'],
  settings: ['contract'],
  http: [],
  openai: ['contract', 'http'],
  core: ['contract', 'router', 'local', 'cloud', 'history', 'models', 'settings', 'openai'],
  server: ['contract', 'core', 'http'],
  electron: ['contract', 'core'],
};

/**
 * Contract modules the renderer may import values from: they pull no zod (directly or through
 * another contract module), so the renderer bundle stays free of it. Every other contract module is
 * open to the renderer for `import type` only. The block for these files below keeps the list honest.
 */
const BROWSER_SAFE_CONTRACT = ['transport', 'threshold', 'cloud-url', 'local-day', 'api', 'events', 'generation', 'open-policy'];

const LAYER_RULE = '@typescript-eslint/no-restricted-imports';
const oneOf = (names) => `(${names.join('|')})`;

/**
 * One config block per layer and folder depth: a relative import climbs `depth` folders to reach
 * src-main/, so what follows names the layer it lands in. Anything not listed is refused, and so is
 * climbing out of src-main (tests and scripts are not runtime code).
 */
function layerBlocks() {
  const blocks = [];
  for (const [layer, allowed] of Object.entries(LAYERS)) {
    for (const depth of [1, 2, 3]) {
      const files = [`src-main/${layer}/${'*/'.repeat(depth - 1)}*.ts`];
      const ok = [layer, ...allowed];
      blocks.push({
        files,
        rules: {
          [LAYER_RULE]: [
            'error',
            {
              patterns: [
                {
                  regex: `^(\\.\\./){${depth}}(?!${oneOf(ok)}/)`,
                  message: `Layer map (eslint.config.js): src-main/${layer} may import only ${ok.join(', ')}.`,
                },
                ...(layer === 'contract' ? [{ regex: '^(node:|electron$)', message: 'The contract runs in the renderer too: no Node or Electron imports.' }] : []),
              ],
            },
          ],
        },
      });
    }
  }
  return blocks;
}

const rendererLayer = {
  files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
  rules: {
    [LAYER_RULE]: [
      'error',
      {
        patterns: [
          { regex: '^(\\.\\./)+src-main/(?!contract/)', message: 'Layer map (eslint.config.js): the renderer imports only the contract.' },
          {
            regex: `^(\\.\\./)+src-main/contract/(?!${oneOf(BROWSER_SAFE_CONTRACT)}\\.js$)`,
            allowTypeImports: true,
            message: `Layer map (eslint.config.js): this contract module pulls zod; the renderer imports only its types (import type), values only from ${BROWSER_SAFE_CONTRACT.join(', ')}.`,
          },
        ],
      },
    ],
  },
};

const browserSafeContract = {
  files: BROWSER_SAFE_CONTRACT.map((name) => `src-main/contract/${name}.ts`),
  rules: {
    [LAYER_RULE]: [
      'error',
      {
        patterns: [
          { regex: '^\\.\\./', message: 'Layer map (eslint.config.js): src-main/contract imports nothing of ours.' },
          { regex: '^(node:|electron$)', message: 'The contract runs in the renderer too: no Node or Electron imports.' },
          {
            regex: `^(zod$|\\./(?!${oneOf(BROWSER_SAFE_CONTRACT)}\\.js$))`,
            allowTypeImports: true,
            message: 'This contract module is browser-safe (BROWSER_SAFE_CONTRACT in eslint.config.js): it may import zod or zod-using modules for types only.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist*/', 'node_modules/', 'release/', 'test-results/', 'playwright-report/', 'coverage/', '.gpu-carry/', 'resources/', '.electron-native/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // With verbatimModuleSyntax, `import { type A } from 'm'` still loads m (it becomes `import 'm'`):
      // in the renderer that would pull zod past the layer rule, which lets type-only imports through.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Off: an async function that implements a Promise-returning interface without awaiting is
      // fine (a throw becomes a rejection, which callers expect); what matters is caught by
      // no-floating-promises and no-misused-promises.
      '@typescript-eslint/require-await': 'off',
      // Off: it flags every Map, Set and Date in a .svelte.ts file; the ones in this tree are private
      // bookkeeping or temporaries that nothing renders, and $state holds what does.
      'svelte/prefer-svelte-reactivity': 'off',
      // Unused names are tsc's job (noUnusedLocals); an underscore marks a parameter kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, svelteConfig },
    },
  },
  {
    files: ['**/*.svelte'],
    rules: {
      // Off in .svelte files only: typescript-eslint cannot see the types of imported .svelte
      // components (bind:this targets and callback props come out as any), so these rules would
      // report typed code. svelte-check --fail-on-warnings (npm run check) type-checks these files.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Off in tests: Vitest's asymmetric matchers (expect.any, expect.stringContaining, ...) are
      // typed any, so every toMatchObject/toEqual that uses one would be reported.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Plain JavaScript (build scripts, this file) is in no tsconfig: lint it without types.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  ...layerBlocks(),
  rendererLayer,
  browserSafeContract,
);
