// Lint rules shared by every workspace: type-aware typescript-eslint over every source file (.ts, .mts, .js, .mjs,
// .cjs), and the import boundaries the architecture promises. Each workspace's tsconfig.json includes its scripts
// (allowJs) so the project service finds one program per workspace instead of inferring a default one per file.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];

// A workspace is used through its package entry (`@evalgate/core`), never through its files: a private path
// breaks when the package moves or builds differently, and hides what the public API lacks.
const privatePathPatterns = [
  {
    regex: '^@evalgate/[^/]+/(src|dist|test|scripts)(/|$)',
    message: "Import the workspace's public entry (for example '@evalgate/core'); export what you need from it.",
  },
  {
    regex: '^(\\.\\./)+(packages|apps)/',
    message: 'Import another workspace by its package name and public entry, not by a relative path into it.',
  },
];
const privatePathMessage = "Import the workspace's public entry, not a path into another workspace.";

// no-restricted-imports covers static imports and re-exports; dynamic import() goes through a selector.
const privateDynamicImport = {
  selector: 'ImportExpression > Literal[value=/^(@evalgate\\/[^/]+\\/(src|dist|test|scripts)(\\/|$)|(\\.\\.\\/)+(packages|apps)\\/)/]',
  message: privatePathMessage,
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-dev/**',
      '**/out/**',
      '**/node_modules/**',
      '**/.vscode-test/**',
      '**/.cache/**',
      '**/.turbo/**',
      '**/coverage/**',
      '**/test-output/**',
      // The bench's esbuild output (git-ignored).
      'bench/.build/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  js.configs.recommended,
  // TypeScript sources: the full type-checked recommended set.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TS })),
  {
    files: TS,
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Fakes and adapters implement Promise-returning ports with `async` methods so a throw becomes a rejection, as
      // in the real implementation; the rule would force Promise.resolve() wrappers that change exactly that.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read HTTP bodies and files as the untyped JSON they are and let expect() be the check; the no-unsafe-*
    // family stays on in sources, where an `any` must be parsed (zod) before use.
    files: ['**/test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // JavaScript sources (build scripts, bench, in-editor runner): untyped, so the no-unsafe-* family would flag every
  // JSON.parse; they get the syntactic set plus the type-aware rules that catch real bugs without annotations.
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: JS })),
  {
    files: JS,
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // CommonJS files (.cjs) require by nature.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // VS Code loads this reference extension as CommonJS (its package.json has no "type").
    files: ['bench/floor-extension/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  // Import boundaries. Built-in no-restricted-imports / no-restricted-syntax rather than eslint-plugin-boundaries or
  // import-x: the rules are three path patterns, which need no resolver, no extra dependency and no second parse.
  {
    rules: {
      'no-restricted-imports': ['error', { patterns: privatePathPatterns }],
      'no-restricted-syntax': ['error', privateDynamicImport],
    },
  },
  {
    // The extension's logic is plain TypeScript, unit-tested without an editor.
    files: ['apps/vscode/src/logic/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/logic/ stays free of the editor API: pass what it needs in from src/vscode/.' }],
          patterns: privatePathPatterns,
        },
      ],
    },
  },
  {
    // The Action reads the runner (its @actions/* toolkit and environment) in main.ts alone and passes it to
    // run(deps), so everything else runs unchanged under tests with fakes.
    files: ['apps/action/src/**'],
    ignores: ['apps/action/src/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'node:process', importNames: ['env'], message: 'Only main.ts reads the environment: take the value as a dependency.' }],
          patterns: [...privatePathPatterns, { group: ['@actions/*'], message: 'Only main.ts talks to the runner toolkit: take a port (deps.ts) instead.' }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        privateDynamicImport,
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only main.ts reads process.env: take the value as a dependency.',
        },
        {
          selector: 'ImportExpression > Literal[value=/^@actions\\//]',
          message: 'Only main.ts talks to the runner toolkit: take a port (deps.ts) instead.',
        },
      ],
    },
  },
  {
    rules: {
      'no-console': 'off',
    },
  },
);
