/** Version of MILEVA, kept equal to the root package.json's (a test checks it). */
export const MILEVA_VERSION = '0.1.0';
