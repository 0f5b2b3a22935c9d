// Every action the server writes to the audit log has a Chinese name for the audit administrator.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './audit.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.includes('.test.') ? [join(dir, e.name)] : []));

describe('audit actions', () => {
  it('each literal action of an audit.record call has a Chinese name', () => {
    const actions = new Set<string>();
    for (const file of sources(join(import.meta.dirname, '../../server'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/audit\.record\([^;]*?action: '([a-z_.]+)'/gs)) actions.add(m[1]!);
      // An action chosen by a condition (assessor's score or the unit's own): both names.
      for (const m of readFileSync(file, 'utf8').matchAll(/audit\.record\([^;]*?action: [^;,'`]*\? '([a-z_.]+)' : '([a-z_.]+)'/gs)) actions.add(m[1]!).add(m[2]!);
    }
    expect(actions.size).toBeGreaterThan(50);
    expect([...actions].filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
  });
});
