import { LocalTransport, loadConfig } from '@mileva/runtime';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from './platform';

jest.setTimeout(120_000);

describe('security headers', () => {
  let dir: string;
  let platform: RunningPlatform;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mileva-headers-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="fr"><body>MILEVA</body></html>');
    const config = loadConfig({ MILEVA_PORT: '0', MILEVA_HOST: '127.0.0.1', MILEVA_LOG_LEVEL: 'silent', MILEVA_PORTAL_DIR: dir, MILEVA_DATA_DIR: join(dir, 'data'), MILEVA_SEED: 'false' });
    platform = await startPlatform({ config, services: ['gateway'], transport: new LocalTransport() });
  });

  afterAll(async () => {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/api/health'])('should send the security headers with %s', async (path) => {
    const response = await fetch(`${platform.url}${path}`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    // Served over http in standalone mode: no HTTPS-only header that would lock the browser out.
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
