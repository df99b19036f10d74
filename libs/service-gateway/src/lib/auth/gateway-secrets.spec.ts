import { GatewaySecrets } from './gateway-secrets';

const SECRET = 'une-clé-de-session-assez-longue-pour-la-production-0123456789';

describe(GatewaySecrets.name, () => {
  describe('seal and open', () => {
    const secrets = new GatewaySecrets(SECRET);
    const later = Date.now() + 60_000;

    it('should give back what was sealed, without showing it in the sealed value', () => {
      const sealed = secrets.seal('session', { sub: 'agent-42', aca: 'lyon' }, later);
      expect(sealed).not.toContain('agent-42');
      expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('lyon');
      expect(secrets.open('session', sealed)).toEqual({ sub: 'agent-42', aca: 'lyon' });
    });

    it('should refuse a value altered by one bit, sealed for another purpose, expired, or sealed with another secret', () => {
      const sealed = secrets.seal('session', { role: 'gestionnaire' }, later);
      const bytes = Buffer.from(sealed.slice(3), 'base64url');
      bytes[20] ^= 1;
      expect(secrets.open('session', `v1.${bytes.toString('base64url')}`)).toBeUndefined();
      expect(secrets.open('oidc-transaction', sealed)).toBeUndefined();
      expect(secrets.open('session', sealed, later + 1)).toBeUndefined();
      expect(new GatewaySecrets(`${SECRET}-autre`).open('session', sealed)).toBeUndefined();
      expect(secrets.open('session', 'v1.AAAA')).toBeUndefined();
      expect(secrets.open('session', undefined)).toBeUndefined();
    });

    it('should draw a key per process without a secret, so that another process cannot read its sessions', () => {
      const first = new GatewaySecrets(undefined);
      const sealed = first.seal('session', { sub: 'dev:gestionnaire@lyon' }, later);
      expect(first.open('session', sealed)).toEqual({ sub: 'dev:gestionnaire@lyon' });
      expect(new GatewaySecrets(undefined).open('session', sealed)).toBeUndefined();
    });
  });

  describe('ownerHash', () => {
    it('should hash a user id with the secret: stable for one secret, different for another, never the id', () => {
      const hash = new GatewaySecrets(SECRET).ownerHash('agent-42');
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(new GatewaySecrets(SECRET).ownerHash('agent-42')).toBe(hash);
      expect(new GatewaySecrets(`${SECRET}-autre`).ownerHash('agent-42')).not.toBe(hash);
      expect(new GatewaySecrets(SECRET).ownerHash('agent-43')).not.toBe(hash);
    });

    it('should keep owner hashes across restarts in development, where the cookie key is random', () => {
      expect(new GatewaySecrets(undefined).ownerHash('dev:gestionnaire@lyon')).toBe(new GatewaySecrets(undefined).ownerHash('dev:gestionnaire@lyon'));
    });
  });

  describe('analyticsHash', () => {
    it('should count a user as one in analytics without giving the hash that owns their conversations', () => {
      const secrets = new GatewaySecrets(SECRET);
      const hash = secrets.analyticsHash('agent-42');
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(new GatewaySecrets(SECRET).analyticsHash('agent-42')).toBe(hash);
      expect(secrets.analyticsHash('agent-43')).not.toBe(hash);
      expect(hash).not.toBe(secrets.ownerHash('agent-42'));
    });
  });
});
