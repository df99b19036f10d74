import baseConfig from '../../eslint.config.mjs';

/**
 * This lib runs in the portal too: no Node built-in outside the specs.
 * (Mirrors the root BROWSER_SAFE_SOURCES rule, so it holds even before the root list names this lib.)
 */
export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(node:.*|fs|path|os|child_process|crypto|net|http|https|stream|worker_threads)$',
              message: 'Browser-safe lib: no Node module.',
            },
          ],
        },
      ],
    },
  },
];
