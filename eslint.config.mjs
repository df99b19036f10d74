import nx from '@nx/eslint-plugin';

/** Packages that only run on a server: the portal and the shared (browser-safe) libs must not import them. */
const SERVER_ONLY_PACKAGES = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'nats',
  '@electric-sql/*',
  'pino',
  'pino-*',
  'express',
  'commander',
];

/** Browser-safe projects: the portal and the libs it may import. Node built-ins are not available there. */
const BROWSER_SAFE_SOURCES = ['apps/portal/src/**/*.ts', 'libs/contracts/src/**/*.ts', 'libs/rh-taxonomy/src/**/*.ts', 'libs/anonymizer/src/**/*.ts', 'libs/text-fr/src/**/*.ts', 'libs/drafting/src/**/*.ts'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/data', '**/.angular', '**/test-output'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: false,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Scope: who runs where.
            { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:shared'], bannedExternalImports: SERVER_ONLY_PACKAGES },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'], bannedExternalImports: SERVER_ONLY_PACKAGES },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            // Type: layers, from the composition root down to plain data.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:feature', 'type:runtime', 'type:data-access', 'type:logic', 'type:contracts', 'type:domain', 'type:util'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:feature', 'type:runtime', 'type:data-access', 'type:logic', 'type:contracts', 'type:domain', 'type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:runtime', 'type:data-access', 'type:logic', 'type:contracts', 'type:domain', 'type:util'] },
            { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:data-access', 'type:logic', 'type:contracts', 'type:domain', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:logic', 'type:contracts', 'type:domain', 'type:util'] },
            // Pure logic over the contracts' types (drafting): no I/O, browser-safe when scope:shared.
            { sourceTag: 'type:logic', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:util'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:platform', 'type:feature', 'type:runtime', 'type:data-access', 'type:logic', 'type:contracts', 'type:domain', 'type:util'] },
          ],
        },
      ],
    },
  },
  {
    files: BROWSER_SAFE_SOURCES,
    ignores: ['**/*.spec.ts', '**/test-setup.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(node:.*|fs|path|os|child_process|crypto|net|http|https|stream|worker_threads)$', message: 'Code exécuté dans le navigateur : pas de module Node.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
];
