import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
}

/** Lints `code` as if it were the file `path` of the workspace, with the workspace's ESLint config. */
function lintAs(path: string, code: string): LintMessage[] {
  const eslint = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = spawnSync(process.execPath, [eslint, '--stdin', '--stdin-filename', join(root, path), '--format', 'json', '--no-warn-ignored'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  if (!run.stdout) throw new Error(`eslint did not run: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  return result.messages;
}

function boundaryErrors(messages: LintMessage[]): string[] {
  return messages.filter((message) => message.ruleId === '@nx/enforce-module-boundaries').map((message) => message.message);
}

describe('module boundaries', () => {
  it('should forbid the portal from importing a server lib or a server package', () => {
    const errors = boundaryErrors(
      lintAs(
        'apps/portal/src/app/boundary-fixture.ts',
        "import { openDatabase } from '@mileva/persistence';\nimport { Injectable } from '@nestjs/common';\nexport const used = [openDatabase, Injectable];\n",
      ),
    );
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toContain('scope:portal');
    expect(errors.join('\n')).toContain('@nestjs/common');
  });

  it('should let the portal import the browser-safe contracts and taxonomy', () => {
    const errors = boundaryErrors(
      lintAs(
        'apps/portal/src/app/boundary-fixture.ts',
        "import type { PlatformHealth } from '@mileva/contracts';\nimport { ACADEMIES } from '@mileva/rh-taxonomy';\nexport const used: PlatformHealth | typeof ACADEMIES = ACADEMIES;\n",
      ),
    );
    expect(errors).toEqual([]);
  });

  it('should forbid one service feature lib from importing another', () => {
    const errors = boundaryErrors(
      lintAs('libs/service-retrieval/src/lib/boundary-fixture.ts', "import { GatewayModule } from '@mileva/service-gateway';\nexport const used = GatewayModule;\n"),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('type:feature');
  });

  it('should forbid a shared lib from importing server packages or Node built-ins', () => {
    const messages = lintAs(
      'libs/contracts/src/lib/boundary-fixture.ts',
      "import { readFileSync } from 'node:fs';\nimport { DataSource } from 'typeorm';\nexport const used = [readFileSync, DataSource];\n",
    );
    expect(boundaryErrors(messages).join('\n')).toContain('typeorm');
    expect(messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message)).toEqual([
      expect.stringContaining('pas de module Node'),
    ]);
  });

  it('should let the drafting logic import the contracts and the taxonomy, and forbid domain libs from importing it', () => {
    expect(
      boundaryErrors(
        lintAs(
          'libs/drafting/src/lib/boundary-fixture.ts',
          "import type { DraftRequest } from '@mileva/contracts';\nimport { GLOSSARY } from '@mileva/rh-taxonomy';\nexport const used = (request: DraftRequest) => [request, GLOSSARY];\n",
        ),
      ),
    ).toEqual([]);
    const errors = boundaryErrors(lintAs('libs/anonymizer/src/lib/boundary-fixture.ts', "import { buildPrompt } from '@mileva/drafting';\nexport const used = buildPrompt;\n"));
    expect(errors.join('\n')).toContain('type:domain');
  });

  it('should forbid importing an app', () => {
    const errors = boundaryErrors(lintAs('libs/platform/src/lib/boundary-fixture.ts', "import '../../../../apps/gateway/src/main';\nexport const used = 1;\n"));
    expect(errors.length).toBeGreaterThan(0);
  });
});
