// openid-client is an ES module. This file is plain CommonJS so that its import() stays a native
// dynamic import: TypeScript compiles an import() written in a .ts file of this CommonJS build into
// a require(), which the test runner's module loader refuses for an ES module.
module.exports = { importOpenIdClient: () => import('openid-client') };
