// No import circles in src/ among the imports that exist at run time (static and dynamic), the
// kernel never imports a module, and web modules never import each other.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(process.env.FAZHI_CYCLES_ROOT ?? resolve(import.meta.dirname, '..'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/**
 * Each file's imports of other files of src/ that exist when the code runs: static value imports and
 * dynamic `import()` (a lazy page still closes a circle), not type-only ones (erased: types may refer
 * to each other, as Platform and ModuleManifest do).
 */
function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sources(ROOT)) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"](\.[^'"]+)['"]/gm)) {
      const names = m[2]!.trim();
      const typeOnly = !!m[1] || (/^\{[^}]*\}$/.test(names) && names.slice(1, -1).split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type ')));
      if (!typeOnly) targets.push(resolve(dirname(file), m[3]!));
    }
    for (const m of text.matchAll(/(?:^import\s+|\bimport\(\s*)['"](\.[^'"]+)['"]/gm)) targets.push(resolve(dirname(file), m[1]!));
    edges.set(file, targets);
  }
  return edges;
}

function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (!edges.has(next)) continue;
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map((f) => f.slice(ROOT.length + 1)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('imports', () => {
  it('no file of src/ imports itself through others', () => {
    expect(cycles(graph())).toEqual([]);
  });

  it('the checker finds a circle', () => {
    const a = join(ROOT, 'a.ts');
    const b = join(ROOT, 'b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['a.ts', 'b.ts']]);
  });

  it('the kernel imports no module, and web modules import no other web module', () => {
    const offending: string[] = [];
    for (const [file, targets] of graph()) {
      const from = file.slice(ROOT.length + 1);
      for (const target of targets) {
        const to = target.slice(ROOT.length + 1);
        if (from.startsWith('server/kernel/') && to.startsWith('server/modules/')) offending.push(`${from} → ${to}`);
        const web = /^web\/modules\/([^/]+)\//;
        if (web.test(from) && web.test(to) && from.match(web)![1] !== to.match(web)![1]) offending.push(`${from} → ${to}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
