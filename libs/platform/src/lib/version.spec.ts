import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MILEVA_VERSION } from './version';

describe('MILEVA_VERSION', () => {
  it('should equal the version of the root package.json', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(MILEVA_VERSION).toBe(manifest.version);
  });
});
