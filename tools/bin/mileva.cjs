#!/usr/bin/env node
// Launcher of the `mileva` command: checks Node, builds what is missing or stale, then runs the CLI.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(`mileva : Node ${process.versions.node} est trop ancien ; installez Node 24 LTS (voir README.md).\n`);
  process.exit(1);
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (/\.(ts|html|scss|css|json)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((dir) => newestMtime(join(root, dir)) > built);
}

const args = process.argv.slice(2);
// `--prepare` (run after npm ci/install): build the command and the portal ahead, so that the first
// `npm start` only has to start. Skipped where the sources are not there (dependency-only installs).
const prepareOnly = args[0] === '--prepare';
if (prepareOnly && !existsSync(join(root, 'apps', 'cli', 'src', 'main.ts'))) process.exit(0);
const command = args.find((arg) => !arg.startsWith('-'));
const needsPortal = prepareOnly || (command === 'start' && !args.some((arg) => arg.startsWith('--service') || arg === '-s'));
const projects = [];
if (isStale(join(root, 'dist/apps/cli/main.js'), ['apps/cli/src', 'libs'])) projects.push('cli');
if (needsPortal && isStale(join(root, 'dist/apps/portal/browser/index.html'), ['apps/portal/src', 'apps/portal/public', 'libs/contracts/src', 'libs/rh-taxonomy/src'])) {
  projects.push('portal');
}
if (projects.length > 0 && process.env.MILEVA_SKIP_BUILD !== 'true') {
  process.stderr.write(`mileva : construction de ${projects.join(' et ')}…\n`);
  const nxManifest = require(join(root, 'node_modules', 'nx', 'package.json'));
  const nx = join(root, 'node_modules', 'nx', nxManifest.bin.nx);
  const build = spawnSync(process.execPath, [nx, 'run-many', '-t', 'build', '-p', ...projects, '--output-style=static'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  if (build.status !== 0) {
    process.stderr.write('mileva : la construction a échoué (voir ci-dessus).\n');
    process.exit(build.status ?? 1);
  }
}
if (prepareOnly) process.exit(0);
// The CLI reads process.argv itself.
require(join(root, 'dist/apps/cli/main.js'));
