// docs/imports.md's column tables, generated from the import types (their fields come from the
// record definitions): each table sits between `<!-- columns:TYPE -->` and `<!-- /columns -->`,
// the prose around it is written by hand. `npx fazhi import-docs --write` renews them; a test fails
// when the file and the import types disagree.
import type { ImportType } from './types.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function columnsTable(type: ImportType): string {
  const rows = type.fields.map((f) => `| \`${f.name}\` | ${cell(f.label)} | ${f.required ? 'yes' : 'no'} | ${cell(f.note)} | ${f.example ? `\`${cell(f.example)}\`` : ''} |`);
  return ['| field | xlsx column | required | notes | example |', '|---|---|---|---|---|', ...rows].join('\n');
}

const BLOCK = /<!-- columns:([a-z_]+) -->\n[\s\S]*?<!-- \/columns -->/g;

/** The document with every column table renewed; throws when a type has no block or a block no type. */
export function renderImportDocs(document: string, types: ReadonlyMap<string, ImportType>): string {
  const seen = new Set<string>();
  const out = document.replace(BLOCK, (_, name: string) => {
    const type = types.get(name);
    if (!type) throw new Error(`docs/imports.md: no import type ${name}`);
    seen.add(name);
    return `<!-- columns:${name} -->\n${columnsTable(type)}\n<!-- /columns -->`;
  });
  const missing = [...types.keys()].filter((name) => !seen.has(name));
  if (missing.length) throw new Error(`docs/imports.md: no column table for ${missing.join(', ')}`);
  return out;
}
