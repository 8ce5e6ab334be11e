// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Package boundaries (style.md §1): each entry says which workspaces a package must not import, and why. */
const boundaries = [
  {
    files: ['packages/core/src/**/*.ts'],
    patterns: [
      {
        group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http'],
        message: 'core is pure and browser-safe: no Node.js I/O.',
      },
      {
        group: ['@omnitouch/*'],
        message: 'core depends on nothing of ours: everything else depends on it.',
      },
    ],
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    patterns: [
      {
        group: ['@omnitouch/*', '!@omnitouch/core'],
        message: 'engine sees only core; adapters plug into its ports.',
      },
    ],
  },
  {
    files: ['packages/testkit/src/**/*.ts'],
    patterns: [
      {
        group: ['@omnitouch/*', '!@omnitouch/core', '!@omnitouch/engine'],
        message:
          'testkit builds on engine and core only, so every adapter can run its contract suites.',
      },
    ],
  },
  {
    files: [
      'packages/store-*/src/**/*.ts',
      'packages/stream-*/src/**/*.ts',
      'packages/channels/src/**/*.ts',
    ],
    patterns: [
      {
        group: ['@omnitouch/*', '!@omnitouch/core', '!@omnitouch/engine', '!@omnitouch/testkit'],
        message:
          'adapters depend on engine ports and core only, never on each other or the server.',
      },
    ],
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    patterns: [
      {
        group: ['@omnitouch/*', '!@omnitouch/core'],
        message: 'contracts are shared by server, console and cli: core schemas only.',
      },
    ],
  },
  {
    files: ['packages/demo/src/**/*.ts'],
    patterns: [
      {
        group: ['@omnitouch/*', '!@omnitouch/core', '!@omnitouch/engine', '!@omnitouch/testkit'],
        message:
          'the synthetic operator and console demo use only the decision core, so the server can reuse them.',
      },
    ],
  },
];

const noDeepImports = {
  group: ['@omnitouch/*/src/*'],
  message: 'import a package by its name: only "." is exported.',
};

export default tseslint.config(
  {
    ignores: [
      '.scratch/**',
      '**/node_modules/**',
      '**/dist/**',
      'bench/results/**',
      'data/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core is pure: configuration is passed in, never read.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core is pure: pass time in as `now`.' },
        {
          object: 'Math',
          property: 'random',
          message: 'core is deterministic: pass a seeded random in.',
        },
      ],
    },
  },
  // Later blocks replace earlier ones for the same rule, so the generic block comes first.
  {
    files: ['**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDeepImports] }] },
  },
  ...boundaries.map(({ files, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, noDeepImports] }] },
  })),
  {
    // Tests of any adapter or stage may use the testkit (fakes, factories, contract suites).
    files: ['packages/*/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDeepImports] }] },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
