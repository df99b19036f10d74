// Browser tests of the built portal against the standalone platform. Not a `test` target (nx.json excludes this
// folder from the jest plugin): `npx nx e2e portal-e2e` runs it once the portal and the CLI are built.
module.exports = {
  displayName: 'portal-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.e2e.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
};
