/**
 * The folder boundaries are machine-checked by oxlint (.oxlintrc.json, `npm run lint`). Each case
 * writes a deliberately wrong import into a short-lived probe file inside the real folders (the
 * rules are chosen by path), lints that one file, and expects the failure to carry the message
 * that names the boundary. Probes are deleted right after their run, and checked gone at the end.
 * The last cases lint the real tree, which must pass.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OXLINT = join(ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint');
/** Matches the `__boundary_probe*` entry of .gitignore and the tsconfig excludes. */
const PROBE_PREFIX = '__boundary_probe';

const STANDS_ALONE = 'Boundary "shared/ stands alone"';
const NO_UI_IN_SHARED = 'Boundary "shared/ has no UI or extension library"';
const NO_NODE_BUILTINS = 'Boundary "browser code has no Node built-ins"';
const NO_SHARED_NODE = 'Boundary "browser code does not import shared/node/"';
const PROGRAMS_IMPORT_SHARED = 'Boundary "programs import only shared/"';
const CONTENT_SCRIPTS_READ = 'Boundary "only content scripts read the host page"';
const NO_NODE_GLOBALS = 'Boundary "browser code has no Node globals"';

interface Diagnostic {
  code: string;
  message: string;
  severity: string;
  help?: string;
  filename: string;
}
interface LintRun {
  exitCode: number;
  diagnostics: Diagnostic[];
}

async function oxlint(args: string[]): Promise<LintRun> {
  const run = await promisify(execFile)(process.execPath, [OXLINT, '--format=json', ...args], { cwd: ROOT, maxBuffer: 16 << 20 }).then(
    ({ stdout }) => ({ exitCode: 0, stdout }),
    (error: { code?: number; stdout?: string; stderr?: string }) => {
      if (typeof error.code !== 'number' || !error.stdout) throw new Error(`oxlint did not run: ${error.stderr ?? String(error)}`);
      return { exitCode: error.code, stdout: error.stdout };
    },
  );
  return { exitCode: run.exitCode, diagnostics: (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics };
}

const written = new Set<string>();
let probeCount = 0;

/** Writes `source` as a probe in `folder` (relative to the repository), lints it, and deletes it. */
async function lintProbe(folder: string, source: string): Promise<LintRun> {
  const dir = join(ROOT, folder);
  if (!existsSync(dir)) throw new Error(`probe folder ${folder} is missing`);
  const file = join(dir, `${PROBE_PREFIX}_${process.pid}_${++probeCount}__.ts`);
  written.add(file);
  try {
    writeFileSync(file, source);
    return await oxlint([file]);
  } finally {
    rmSync(file, { force: true });
    written.delete(file);
  }
}

/** Expects the probe to fail with `count` boundary diagnostics, each carrying `boundary`. */
async function expectBoundary(folder: string, source: string, boundary: string, count = 1): Promise<void> {
  const run = await lintProbe(folder, source);
  expect(run.exitCode, `expected ${folder} probe to fail lint:\n${source}`).toBe(1);
  // no-restricted-imports puts the configured message in `help`, no-restricted-globals in `message`.
  const texts = run.diagnostics
    .filter((d) => d.code.startsWith('eslint(no-restricted-') && d.severity === 'error')
    .map((d) => `${d.message} ${d.help ?? ''}`);
  expect(texts, `messages for ${folder} probe:\n${source}`).toHaveLength(count);
  for (const text of texts) expect(text).toContain(boundary);
}

async function expectClean(folder: string, source: string): Promise<void> {
  const run = await lintProbe(folder, source);
  expect(run.diagnostics.map((d) => `${d.code}: ${d.message} ${d.help ?? ''}`)).toEqual([]);
  expect(run.exitCode).toBe(0);
}

afterEach(() => {
  for (const file of written) rmSync(file, { force: true });
  written.clear();
});

afterAll(() => {
  const left: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.startsWith(`${PROBE_PREFIX}_${process.pid}_`)) left.push(path);
    }
  };
  for (const folder of ['shared', 'widget', 'extension', 'cli', 'collector', 'tests'])
    if (existsSync(join(ROOT, folder))) walk(join(ROOT, folder));
  expect(left).toEqual([]);
});

describe('boundary: shared/ stands alone', () => {
  it('rejects an import of widget/ from shared/', async () => {
    await expectBoundary(
      'shared',
      "import { createFeedbackModel } from '../widget/src/model';\nexport const m = createFeedbackModel;\n",
      STANDS_ALONE,
    );
  });

  it('rejects imports of each other folder, from any depth and through the WXT aliases', async () => {
    const source = [
      "export * from '../../extension/messaging/protocol';",
      "export * from '../../cli/args';",
      "export * from '../../collector/store';",
      "export * from '../../tests/e2e/kit';",
      "export * from '../../scripts/engine-entry';",
      "export * from '@@/widget/src/model';",
      "export * from '@/messaging/protocol';",
      '',
    ].join('\n');
    await expectBoundary('shared/checklist', source, STANDS_ALONE, 7);
    await expectBoundary('shared/node', "export * from '../../widget/src/model';\n", STANDS_ALONE);
  });

  it('tells the per-surface i18n folders, named like the programs, from the programs', async () => {
    await expectClean('shared/i18n/cli', "export * from '../widget/index';\nexport * from '../common/index';\n");
    await expectBoundary(
      'shared/i18n/cli',
      "export * from '../../../widget/src/model';\nexport * from '../../../collector/store';\n",
      STANDS_ALONE,
      2,
    );
  });

  it('rejects UI and extension libraries in shared/', async () => {
    const source =
      "import { render } from 'preact';\nimport { signal } from '@preact/signals';\nimport { browser } from 'wxt/browser';\nimport { chromium } from 'playwright-core';\nexport const all = [render, signal, browser, chromium];\n";
    await expectBoundary('shared', source, NO_UI_IN_SHARED, 4);
  });

  it('lets shared/node/ launch Chromium and read files, but not import UI libraries', async () => {
    await expectClean(
      'shared/node',
      "import { readFileSync } from 'node:fs';\nimport { chromium } from 'playwright-core';\nexport const all = [readFileSync, chromium];\n",
    );
    await expectBoundary('shared/node', "import { render } from 'preact';\nexport const r = render;\n", NO_UI_IN_SHARED);
  });
});

describe('boundary: browser code has no Node built-ins and no shared/node/', () => {
  it('rejects node:fs in widget/', async () => {
    await expectBoundary('widget/src', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", NO_NODE_BUILTINS);
  });

  it('rejects Node built-ins, prefixed or bare, in shared/ and extension/', async () => {
    const source =
      "import { readFile } from 'fs/promises';\nimport { join } from 'path';\nimport http from 'node:http';\nexport const all = [readFile, join, http];\n";
    await expectBoundary('shared', source, NO_NODE_BUILTINS, 3);
    await expectBoundary('extension/entrypoints/sidepanel', source, NO_NODE_BUILTINS, 3);
  });

  it('knows every built-in module of the running Node', async () => {
    const names = builtinModules.filter((name) => !name.startsWith('_'));
    const specifiers = [...new Set(names.flatMap((name) => (name.startsWith('node:') ? [name] : [name, `node:${name}`])))];
    const source = specifiers.map((s) => `import '${s}';`).join('\n') + '\n';
    await expectBoundary('widget/src', source, NO_NODE_BUILTINS, specifiers.length);
  });

  it('rejects shared/node/ from widget/, extension/ and the rest of shared/', async () => {
    await expectBoundary(
      'widget/src',
      "import { parseHtmlDocument } from '../../shared/node/html';\nexport const p = parseHtmlDocument;\n",
      NO_SHARED_NODE,
    );
    await expectBoundary('extension/messaging', "export * from '../../shared/node/chromium';\n", NO_SHARED_NODE);
    await expectBoundary('shared/checklist', "export * from '../node/html';\n", NO_SHARED_NODE);
    await expectBoundary('shared', "export * from './node/html';\n", NO_SHARED_NODE);
  });

  it('rejects Node globals in browser code', async () => {
    await expectBoundary(
      'widget/src',
      'export const env = process.env.NODE_ENV;\nexport const bytes = Buffer.from("x");\n',
      NO_NODE_GLOBALS,
      2,
    );
  });

  it('leaves Node programs, tests and scripts free to use Node', async () => {
    const source =
      "import { readFileSync } from 'node:fs';\nimport { join } from 'path';\nexport const all = [readFileSync, join, process.env];\n";
    for (const folder of ['cli', 'collector', 'tests/unit']) await expectClean(folder, source);
    await expectClean('tests/unit', "export * from '../../shared/node/html';\nexport * from '../../widget/src/model';\n");
  });
});

describe('boundary: programs import only shared/', () => {
  it('rejects one program importing another', async () => {
    await expectBoundary(
      'widget/src',
      "export * from '../../extension/messaging/protocol';\nexport * from '../../collector/store';\n",
      PROGRAMS_IMPORT_SHARED,
      2,
    );
    await expectBoundary(
      'extension/messaging',
      "export * from '../../widget/src/model';\nexport * from '../../cli/args';\n",
      PROGRAMS_IMPORT_SHARED,
      2,
    );
    await expectBoundary('cli', "export * from '../collector/server';\nexport * from '../tests/e2e/kit';\n", PROGRAMS_IMPORT_SHARED, 2);
    await expectBoundary(
      'collector',
      "export * from '../widget/src/model';\nexport * from '../scripts/engine-entry';\nexport * from '@/messaging/protocol';\n",
      PROGRAMS_IMPORT_SHARED,
      3,
    );
  });

  it('allows shared/ in every program', async () => {
    await expectClean('widget/src', "export * from '../../shared/protocol/constants';\n");
    await expectClean('extension/entrypoints/sidepanel', "export * from '../../../shared/protocol/constants';\n");
    await expectClean('cli', "export * from '../shared/protocol/constants';\n");
    await expectClean('collector', "export * from '../shared/protocol/constants';\n");
  });
});

describe('boundary: only content scripts read the host page', () => {
  it('rejects shared/audit and shared/extractor in the side panel and elsewhere in extension/', async () => {
    await expectBoundary(
      'extension/entrypoints/sidepanel',
      "import { auditDocument } from '../../../shared/audit';\nexport const a = auditDocument;\n",
      CONTENT_SCRIPTS_READ,
    );
    await expectBoundary(
      'extension',
      "export * from '../shared/extractor';\nexport * from '../shared/extractor/settle';\nexport * from '../shared/audit/index';\n",
      CONTENT_SCRIPTS_READ,
      3,
    );
    await expectBoundary('extension/messaging', "export { auditDocument } from '../../shared/audit';\n", CONTENT_SCRIPTS_READ);
  });

  it('lets the side panel import the report schema as types only', async () => {
    await expectClean(
      'extension/entrypoints/sidepanel',
      "import type { AuditReport } from '../../../shared/audit/schema';\nexport type R = AuditReport;\n",
    );
    await expectClean(
      'extension/entrypoints/sidepanel',
      "import { type AuditReport } from '../../../shared/audit/schema';\nexport type { Report } from '../../../shared/audit/types';\nexport type R = AuditReport;\n",
    );
    await expectBoundary(
      'extension/entrypoints/sidepanel',
      "import type { AuditReport } from '../../../shared/audit';\nimport type { ExtractedPage } from '../../../shared/extractor';\nexport type R = AuditReport | ExtractedPage;\n",
      CONTENT_SCRIPTS_READ,
      2,
    );
    await expectBoundary(
      'extension/entrypoints/sidepanel',
      "import { AuditReportSchema } from '../../../shared/audit/schema';\nexport const s = AuditReportSchema;\n",
      CONTENT_SCRIPTS_READ,
    );
  });

  it('lets the message protocol validate reports with the schema', async () => {
    await expectClean(
      'extension/messaging',
      "import { AuditReportSchema } from '../../shared/audit/schema';\nexport const s = AuditReportSchema;\n",
    );
  });
});

describe('correctness rules', () => {
  it('rejects unused imports, debugger statements and loose equality', async () => {
    const run = await lintProbe(
      'tests/unit',
      "import { join } from 'node:path';\nexport function f(a: unknown) {\n  debugger;\n  return a == 1 || a == null;\n}\n",
    );
    expect(run.exitCode).toBe(1);
    expect(run.diagnostics.map((d) => d.code).sort()).toEqual(['eslint(eqeqeq)', 'eslint(no-debugger)', 'eslint(no-unused-vars)']);
  });
});

describe('the real tree', () => {
  it('passes the linter', async () => {
    // Probes of a concurrent run are git-ignored, so the whole-tree run never sees them.
    const run = await oxlint([]);
    expect(run.diagnostics.map((d) => `${d.filename}: ${d.code} ${d.message} ${d.help ?? ''}`)).toEqual([]);
    expect(run.exitCode).toBe(0);
  });
});
