import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/generated/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      // The architecture in one rule: the server and the browser never import each other;
      // both may use isomorphic shared code, which itself depends on nothing else.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:tools',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared', 'scope:tools'],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            // A web feature uses web-core, the UI kit, the test kit and shared code, never another
            // feature: what two features share moves to one of those.
            {
              allSourceTags: ['scope:web', 'type:feature'],
              onlyDependOnLibsWithTags: ['type:util', 'web:core'],
            },
          ],
        },
      ],
      // A library is used through its public index (and, for tests, its `testing` entry; web-ui
      // also through the entry points that keep its heavy components out of the pages that do not
      // use them, see libs/web/ui/src/index.ts): never through another library's files, which are
      // its own business.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@oris/*/*/*',
                '!@oris/*/*/testing',
                '!@oris/web/ui/dates',
                '!@oris/web/ui/dialogs',
                '!@oris/web/ui/forms',
                '**/libs/*/*/src/**',
              ],
              message: "Import another library by its alias ('@oris/api/identity'), not its files.",
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Configuration is read once, validated, by loadConfig (AppConfig); nothing else reads the
    // environment. Exceptions, each for a reason: tests and their helpers (`test/`, `testing/`,
    // specs) set up processes and databases of their own; tools/ are scripts that run before or
    // beside the platform; webpack configs are build settings read by the bundler. Projects add
    // their own where justified (web-e2e, the web dev proxy).
    // Patterns start with `**/`: a project's lint resolves them from the project's folder.
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'],
    ignores: [
      '**/src/config/load-config.ts',
      '**/*.spec.ts',
      '**/*.spec.mjs',
      '**/src/testing/**',
      '**/test/**',
      '**/webpack.config.js',
      'tools/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through AppConfig (loadConfig), not process.env.',
        },
      ],
    },
  },
];
