// Every record definition matches its migrated table (column, type, NOT NULL for required fields) on
// the engine under test: a migration and a definition that drift apart fail here. (A field added to a
// definition reaching every derived place: record-field.api.test.ts and record-pages.unit.test.tsx.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEnv, TEST_DB, type TestEnv } from './harness.ts';
import { defineRecord, entries, f, type FieldKind, type RecordDef } from '../src/shared/records.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

interface Column {
  name: string;
  type: string;
  notNull: boolean;
}

async function columnsOf(table: string): Promise<Map<string, Column>> {
  const db = env.platform.db;
  if (TEST_DB === 'sqlite') {
    const { rows } = await sql<{ name: string; type: string; notnull: number }>`select name, type, "notnull" from pragma_table_info(${table})`.execute(db);
    return new Map(rows.map((r) => [r.name, { name: r.name, type: r.type.toLowerCase(), notNull: r.notnull === 1 }]));
  }
  const { rows } = await sql<{ column_name: string; data_type: string; is_nullable: string }>`select column_name, data_type, is_nullable from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return new Map(rows.map((r) => [r.column_name, { name: r.column_name, type: r.data_type.toLowerCase(), notNull: r.is_nullable === 'NO' }]));
}

const STORED_AS: Record<FieldKind, string> = { text: 'text', longText: 'text', date: 'text', enum: 'text', unit: 'text', record: 'text', idNumber: 'text', phone: 'text', boolean: 'integer', integer: 'integer', money: 'integer' };

/** Each way a definition can disagree with its table, as sentences. */
async function drift(def: RecordDef<any>): Promise<string[]> {
  const columns = await columnsOf(def.table);
  if (columns.size === 0) return [`${def.type}: table ${def.table} does not exist`];
  const problems: string[] = [];
  for (const [name, spec] of entries(def)) {
    const column = columns.get(spec.column);
    if (!column) problems.push(`${def.type}.${name}: no column ${def.table}.${spec.column}`);
    // Amounts and counts that can pass 2^31 are 64-bit (bigint) on PostgreSQL.
    else if (column.type !== STORED_AS[spec.kind] && !(column.type === 'bigint' && STORED_AS[spec.kind] === 'integer')) problems.push(`${def.type}.${name}: column ${spec.column} is ${column.type}, the definition says ${STORED_AS[spec.kind]}`);
    else if (spec.required && !column.notNull) problems.push(`${def.type}.${name}: required, but ${spec.column} accepts NULL`);
  }
  for (const stamp of ['id', def.key ?? 'ref', def.unitColumn ?? 'unit_id', 'version']) if (!columns.has(stamp)) problems.push(`${def.type}: no column ${def.table}.${stamp}`);
  return problems;
}

describe('record definitions', () => {
  it('every definition matches its migrated table', async () => {
    expect(env.platform.records.size).toBeGreaterThan(0);
    const problems = (await Promise.all([...env.platform.records.values()].map(drift))).flat();
    expect(problems).toEqual([]);
  });

  it('a drifted definition is caught: a missing column, a wrong type, a nullable required field', async () => {
    const disputes = env.platform.records.get('dispute')!;
    const drifted = defineRecord({
      ...disputes,
      fields: {
        ...disputes.fields,
        cause: f.text('案由', { required: true }),
        lawyerInvolved: f.text('律师参与'),
        revisitResult: f.text('回访情况', { required: true }),
      },
    });
    expect(await drift(drifted)).toEqual([
      'dispute.lawyerInvolved: column lawyer_involved is integer, the definition says text',
      'dispute.revisitResult: required, but revisit_result accepts NULL',
      'dispute.cause: no column disputes.cause',
    ]);
  });
});
