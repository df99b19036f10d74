import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Every project.json of the workspace's apps, libs and tools. */
function projectFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return projectFiles(path);
    return entry.name === 'project.json' ? [path] : [];
  });
}

describe('project tags', () => {
  // The tags that a boundary rule of eslint.config.mjs constrains.
  const constrained = new Set([...readFileSync(join(root, 'eslint.config.mjs'), 'utf8').matchAll(/sourceTag: '([^']+)'/g)].map((match) => match[1]));
  const projects = ['apps', 'libs', 'tools'].flatMap((dir) => projectFiles(join(root, dir))).map((path) => relative(root, path));

  it('should find the projects and the constrained tags', () => {
    expect(projects).toEqual(expect.arrayContaining(['apps/portal/project.json', 'apps/portal-e2e/project.json', 'libs/contracts/project.json']));
    expect([...constrained]).toEqual(expect.arrayContaining(['scope:portal', 'scope:tools', 'type:app', 'type:tooling']));
  });

  it.each(projects)('should give %s one scope and one type that the module boundaries constrain', (path) => {
    const tags = (JSON.parse(readFileSync(join(root, path), 'utf8')) as { tags?: string[] }).tags ?? [];
    expect(tags.filter((tag) => tag.startsWith('scope:'))).toHaveLength(1);
    expect(tags.filter((tag) => tag.startsWith('type:'))).toHaveLength(1);
    expect(tags.filter((tag) => !constrained.has(tag))).toEqual([]);
  });
});
