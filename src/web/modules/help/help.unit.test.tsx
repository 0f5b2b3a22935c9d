// @vitest-environment jsdom
// Every module has its 操作说明 (a help.md beside its pages, docs/help.md), and what it says about
// deadlines is what the rules say: each module's help lists every workflow, deadline rule and import
// type its server module declares, names only rules that exist, types no period of its own (a period
// in prose is a rule placeholder, shown from the rules table), and covers every page of the menu that
// belongs to a module. Each help.md parses (registry.ts parses them all on import); what the parser
// refuses, with the file and line, is in src/web/help/parse.unit.test.ts.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPS } from '../../help/registry.ts';
import { RULE_PLACEHOLDER, helpFor, type ModuleHelp } from '../../help/types.ts';
import { workflowRules } from './HelpPage.tsx';
import { APP_ROUTES } from '../../routes.tsx';
import type { ModuleManifest } from '../../../server/kernel/modules.ts';

const SERVER = join(import.meta.dirname, '../../../server/modules');
const WEB = join(import.meta.dirname, '..');

/** The server's modules by folder (org is the organisation tree, administered, not a business module). */
async function manifests(): Promise<Map<string, ModuleManifest>> {
  const found = new Map<string, ModuleManifest>();
  for (const dir of readdirSync(SERVER)) {
    if (dir === 'org' || !existsSync(join(SERVER, dir, 'module.ts'))) continue;
    const exports = (await import(join(SERVER, dir, 'module.ts'))) as Record<string, unknown>;
    const manifest = Object.values(exports).find((v): v is ModuleManifest => !!v && typeof v === 'object' && 'name' in v && 'permissions' in v);
    if (manifest) found.set(dir, manifest);
  }
  return found;
}

/** Pages of the menu that belong to no one module: the workbench, statistics across modules, administration. */
const NOT_A_MODULE = new Set(['/', '/todo', '/dashboard', '/indicators', '/problems', '/calendar', '/deadline-rules', '/case-number-patterns', '/document-templates', '/org/units', '/org/users', '/imports', '/audit']);

/** A statutory period typed as a number (15日内, 20个工作日, 3个月) rather than a rule placeholder. */
const TYPED_PERIOD = /(?<![月\d])\d+\s*(?:个工作日|工作日|个月|日内|日以内|日起|天)/g;

const prose = (h: ModuleHelp) => [h.purpose, ...h.duties.map((d) => d.does), ...h.workflows.flatMap((w) => [w.intro, ...Object.values(w.steps ?? {})]), h.imports?.text ?? '', ...h.faq.flatMap((f) => [f.q, f.a])];

describe('操作说明', async () => {
  const servers = await manifests();
  const allRules = new Set([...servers.values()].flatMap((m) => (m.deadlineRules ?? []).map((r) => r.code)));

  it('exists for every module, as a help.md beside its pages, and each help.md is registered', () => {
    expect(servers.size).toBeGreaterThan(15);
    const keys = HELPS.map((h) => h.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const dir of servers.keys()) {
      expect(keys, `src/web/modules/${dir}/help.md`).toContain(dir);
      expect(existsSync(join(WEB, dir, 'help.md')), `src/web/modules/${dir}/help.md`).toBe(true);
    }
    const files = readdirSync(WEB).filter((d) => existsSync(join(WEB, d, 'help.md')));
    expect(files.sort()).toEqual([...keys].sort());
    // Pages that are no one module's have theirs too: the 驾驶舱, the calendar, the audit log; every
    // other help is a server module's (a module renamed leaves no help checked against nothing).
    expect(keys.filter((k) => !servers.has(k)).sort()).toEqual(['audit', 'calendar', 'dashboard']);
  });

  it("lists every workflow, deadline rule and import type of its module, and only rules that exist", () => {
    for (const help of HELPS) {
      // A page of no server module (驾驶舱, 工作日历, 审计日志) declares no workflow, rule or import of its own.
      const manifest: Partial<ModuleManifest> = servers.get(help.key) ?? {};
      const types = help.workflows.map((w) => w.def.recordType);
      for (const wf of manifest.workflows ?? []) expect(types, `${help.key}: workflow ${wf.recordType}`).toContain(wf.recordType);
      const needed = [...(manifest.deadlineRules ?? []).map((r) => r.code), ...help.workflows.flatMap((w) => workflowRules(w.def))];
      for (const code of needed) expect(help.rules, `${help.key}: rule ${code}`).toContain(code);
      for (const code of help.rules) expect(allRules, `${help.key}: unknown rule ${code}`).toContain(code);
      for (const t of manifest.importTypes ?? []) expect(help.imports?.types ?? [], `${help.key}: import type ${t.type}`).toContain(t.type);
    }
  });

  it('types no period of its own: a period is a placeholder of one of its rules', () => {
    // What the check finds, and what it leaves (dates, years).
    expect('收到申请之日起15日内答复，20个工作日，3个月'.match(TYPED_PERIOD)).toHaveLength(3);
    expect('每年1月31日前、4月1日之前；有效期5年'.match(TYPED_PERIOD)).toBeNull();
    for (const help of HELPS) {
      for (const text of prose(help)) {
        expect(text.match(TYPED_PERIOD) ?? [], `${help.key}: ${text}`).toEqual([]);
        for (const m of text.matchAll(RULE_PLACEHOLDER)) expect(help.rules, `${help.key}: {{${m[1]}}}`).toContain(m[1]);
      }
    }
  });

  it('is what 操作说明 opens on every page of the menu that belongs to a module', () => {
    const menu = APP_ROUTES.filter((r) => r.inMenu && !NOT_A_MODULE.has(r.path));
    for (const route of menu) expect(helpFor(HELPS, route.path)?.key, `${route.path} (${route.label})`).toBeTruthy();
    for (const help of HELPS) for (const p of help.paths) expect(APP_ROUTES.some((r) => r.path === p || r.path.startsWith(`${p}/`)), `${help.key}: ${p}`).toBe(true);
    // A record's page opens its module's help too.
    expect(helpFor(HELPS, '/foi/01HX')?.key).toBe('disclosure');
    expect(helpFor(HELPS, '/foi/reports/01HX')?.key).toBe('disclosure');
    expect(helpFor(HELPS, '/enforcement/cases/01HX')?.key).toBe('enforcement');
    expect(helpFor(HELPS, '/dashboard')?.key).toBe('dashboard');
    expect(helpFor(HELPS, '/dashboard/screen')?.key).toBe('dashboard');
    expect(helpFor(HELPS, '/units/01HX/profile')?.key).toBe('dashboard');
    expect(helpFor(HELPS, '/calendar')?.key).toBe('calendar');
    expect(helpFor(HELPS, '/audit')?.key).toBe('audit');
    expect(helpFor(HELPS, '/audits')?.key).toBe('audits');
  });
});
