import { CONFIG_VARIABLES } from '@mileva/runtime';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('documented configuration', () => {
  const example = readFileSync(join(root, '.env.example'), 'utf8');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it.each(CONFIG_VARIABLES.map((variable) => variable.name))('should document %s in .env.example and README.md', (name) => {
    expect(example).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    expect(readme).toContain(`\`${name}\``);
  });

  it('should give no default to a sensitive variable', () => {
    for (const variable of CONFIG_VARIABLES.filter((candidate) => candidate.isSensitive)) {
      expect(variable.defaultValue).toBeUndefined();
      expect(example).not.toMatch(new RegExp(`^${variable.name}=`, 'm'));
    }
  });
});
