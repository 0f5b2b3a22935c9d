// docs/imports.md states every import type's columns exactly as the platform reads them (the tables
// are generated from the import types: `npx fazhi import-docs --write`).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestEnv, type TestEnv } from './harness.ts';
import { columnsTable, renderImportDocs } from '../src/server/kernel/imports/docs.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

it('docs/imports.md has every import type\'s columns as the import types define them', () => {
  const document = readFileSync('docs/imports.md', 'utf8');
  expect(renderImportDocs(document, env.platform.importTypes), 'run: npx fazhi import-docs --write').toBe(document);
});

it('a column added to an import type makes the document stale', () => {
  const document = readFileSync('docs/imports.md', 'utf8');
  const disputes = env.platform.importTypes.get('disputes')!;
  const changed = new Map(env.platform.importTypes).set('disputes', { ...disputes, fields: [...disputes.fields, { name: 'cause', label: '案由', note: '', example: '' }] });
  expect(renderImportDocs(document, changed)).not.toBe(document);
  expect(columnsTable(changed.get('disputes')!)).toContain('| `cause` | 案由 | no |');
  const withoutType = new Map(env.platform.importTypes).set('new_type', { ...disputes, type: 'new_type' });
  expect(() => renderImportDocs(document, withoutType)).toThrow('no column table for new_type');
});
