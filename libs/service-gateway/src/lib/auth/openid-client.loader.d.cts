/** Loads the openid-client ES module with a native dynamic import. */
export declare function importOpenIdClient(): Promise<typeof import('openid-client')>;
