// The template's example row as its reader can import it. The import types' examples name the demo
// county's units (docs/imports.md shows them as they are); a unit code the reader may not import into
// — another unit's, or one this deployment does not have — becomes one of the reader's own units of
// the same kind, so that a clerk who fills in the example is not told 单位「…」不存在或无权访问.
import type { Executor } from '../db/index.ts';
import { inScope, unitDirectory, type DataScope, type DirectoryUnit } from '../auth/scope.ts';
import type { ImportField } from './types.ts';

/** A column naming units by code: a definition's unit field, or by its name (unitCode, leadUnitCode, coUnitCodes, parentCode, organiserCode, …). */
export const isUnitColumn = (field: ImportField): boolean => field.unit ?? /^(unit|parent|organiser)Codes?$|UnitCodes?$/.test(field.name);

/** The import type's columns with the examples of its unit columns made codes of units the reader may import into. */
export async function readerExamples(db: Executor, reader: { scope: DataScope; unitId: string }, fields: readonly ImportField[]): Promise<ImportField[]> {
  if (!fields.some((f) => isUnitColumn(f) && f.example)) return [...fields];
  const directory = await unitDirectory(db);
  const own = directory.byId.get(reader.unitId);
  // The reader's own unit first, then the others in scope from the top down.
  const mine = [...directory.byId.values()]
    .filter((u) => u.active && inScope(reader.scope, u.id))
    .sort((a, b) => Number(b.id === reader.unitId) - Number(a.id === reader.unitId) || a.path.split('/').length - b.path.split('/').length || a.code.localeCompare(b.code));
  const usable = (u: DirectoryUnit | undefined): u is DirectoryUnit => !!u && !!u.active && inScope(reader.scope, u.id);
  return fields.map((field) => {
    if (!isUnitColumn(field) || !field.example) return field;
    const used = new Set<string>();
    const codes = field.example.split(';').map((code) => {
      const named = directory.byCode.get(code.trim());
      const kind = named?.kind ?? (field.label.includes('村（社区）') ? 'village' : undefined);
      const unit = usable(named) ? named : (mine.find((u) => (!kind || u.kind === kind) && !used.has(u.code)) ?? own);
      if (unit) used.add(unit.code);
      return unit?.code ?? code;
    });
    return { ...field, example: [...new Set(codes)].join(';') };
  });
}
