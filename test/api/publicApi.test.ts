import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import * as api from '../../server/index.js';
import { findPackageRoot } from '../../server/packageRoot.js';
import { internalsOf } from '../../server/internals.js';
import type { Sandbox } from '../../server/sandbox.js';
import { createTestSandbox } from '../support/testSandbox.js';

/** The package's public names: adding one to server/index.ts means adding it here, on purpose. */
const publicValues = [
  'AdminError',
  'ControlError',
  'SandboxControl',
  'createDanaHandlers',
  'createRandomIds',
  'createSandbox',
  'createSequentialIds',
  'danaHosts',
  'defaultConfig',
  'envelopeCases',
  'envelopeResultMsg',
  'loadConfig',
  'loadDemoPartner',
  'maxBodyBytes',
  'snapCases',
  'snapResponseCode',
  'snapResponseMessage',
];
const publicTypes = [
  'ArmInput',
  'ArmedRule',
  'DanaHandlerOptions',
  'DemoPartner',
  'IdGenerator',
  'JournalEntry',
  'JournalFilter',
  'Outcome',
  'RuleMatch',
  'Sandbox',
  'SandboxConfig',
  'SandboxOptions',
  'SandboxRequest',
  'SandboxResponse',
  'Scenario',
];

/** Every export statement of server/index.ts: the names it exports (`*` for a re-export of everything), and its doc comment. */
function readExportStatements(): { names: string[]; doc: string }[] {
  const file = join(findPackageRoot(), 'server', 'index.ts');
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((statement) => {
    const doc = (ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [])
      .map((range) => text.slice(range.pos, range.end))
      .filter((comment) => comment.startsWith('/**'))
      .join('\n');
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      const names = clause && ts.isNamedExports(clause) ? clause.elements.map((e) => e.name.text) : ['*'];
      return [{ names, doc }];
    }
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) return [];
    const named = statement as ts.Statement & { name?: ts.Identifier };
    return [{ names: [named.name?.text ?? '(unnamed)'], doc }];
  });
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

it('exports exactly the public values from the package entry', () => {
  expect(Object.keys(api).sort()).toEqual([...publicValues].sort());
});

it('exports exactly the public names, types included, each export with a doc comment', () => {
  const statements = readExportStatements();
  expect(statements.flatMap((s) => s.names).sort()).toEqual([...publicValues, ...publicTypes].sort());
  expect(statements.filter((s) => s.doc === '').map((s) => s.names.join(', '))).toEqual([]);
});

it("gives a sandbox's users its handler, app, listener and control plane, and never its dependencies", () => {
  expect(Object.keys(sandbox).sort()).toEqual([
    'app',
    'close',
    'config',
    'control',
    'handle',
    'listen',
    'rejectUnreadable',
  ]);
  expect('deps' in sandbox).toBe(false);
  expect(internalsOf(sandbox).config).toBe(sandbox.config);
});

it('throws control-plane refusals as ControlError with their /__admin status, still an AdminError', () => {
  const refusal = (() => {
    try {
      sandbox.control.forSession('not a session name');
    } catch (error) {
      return error;
    }
  })();
  expect(refusal).toBeInstanceOf(api.ControlError);
  expect(refusal).toBeInstanceOf(api.AdminError);
  expect(refusal).toMatchObject({ status: 400 });
});

it('builds the OpenAPI document in-process as GET /__admin/openapi.json serves it without a Host', async () => {
  const served = await sandbox.handle({
    method: 'GET',
    path: '/__admin/openapi.json',
    search: '',
    headers: {},
    rawBody: '',
  });
  expect(served.status).toBe(200);
  expect(sandbox.control.openApi()).toEqual(JSON.parse(served.body));
});
