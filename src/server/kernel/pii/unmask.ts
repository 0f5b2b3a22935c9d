// Showing a sealed ID number or phone in full: only within the record's data scope, always audited.
import type { Platform } from '../platform.ts';
import type { RequestContext } from '../auth/context.ts';
import { assertInScope } from '../auth/scope.ts';
import { notFound } from '../http/errors.ts';
import { decryptText } from '../crypto/keys.ts';

export interface SealedColumns {
  table: string;
  recordType: string;
  /** Chinese name of the record, for the 404. */
  what: string;
  idNumber: string;
  phone: string;
}

export async function unmaskSealed(platform: Platform, ctx: RequestContext, spec: SealedColumns, id: string, field: 'idNumber' | 'phone'): Promise<{ value: string | null }> {
  const column = field === 'idNumber' ? spec.idNumber : spec.phone;
  const row = (await (platform.db as any).selectFrom(spec.table).select(['unit_id', `${column} as sealed`]).where('id', '=', id).executeTakeFirst()) as { unit_id: string; sealed: string | null } | undefined;
  if (!row) throw notFound(spec.what);
  assertInScope(ctx.scope, row.unit_id, spec.what);
  await platform.audit.record(platform.db, ctx, { action: 'pii.unmask', targetType: spec.recordType, targetId: id, detail: { field } });
  return { value: row.sealed ? decryptText(platform.keys, row.sealed) : null };
}
