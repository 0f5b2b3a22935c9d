// The platform: configuration, database, keys, audit log and the modules, opened once per process.
import { ensureKeyFile, loadKeys, type Keys } from './crypto/keys.ts';
import { openDatabase, type Db, type Dialect } from './db/index.ts';
import { migrate } from './db/migrations.ts';
import { AuditLog } from './audit/index.ts';
import type { RecordDef } from '../../shared/records.ts';
import { isRefImport } from './imports/by-ref.ts';
import { ALL_SCOPE_ROLES, KERNEL_PERMISSIONS, PERMISSION_LABELS, type Role } from '../../shared/roles.ts';
import type { Config } from '../config.ts';
import type { ModuleManifest } from './modules.ts';
import type { ImportType } from './imports/types.ts';
import { CALENDAR_TABLES, DeadlineStore, seedDefaultRules } from './calendar/store.ts';
import { validateWorkflow, type WorkflowDef } from '../../shared/workflow.ts';
import type { IndicatorDef } from './indicators/registry.ts';
import { IndicatorFacts } from './indicators/facts.ts';
import { installLightCounts } from './workflow/light-counts.ts';
import { installSearch, searchTargets, type SearchTarget } from './search/index.ts';
import type { CaseNumberDef } from '../../shared/schemas/numbering.ts';
import type { DocumentDef } from '../../shared/schemas/documents.ts';

export interface Platform {
  config: Config;
  db: Db;
  dialect: Dialect;
  sqliteFile: string | null;
  keys: Keys;
  audit: AuditLog;
  modules: readonly ModuleManifest[];
  /** permission → roles granted it (kernel and modules). */
  grants: ReadonlyMap<string, ReadonlySet<Role>>;
  permissionLabels: Readonly<Record<string, string>>;
  importTypes: ReadonlyMap<string, ImportType>;
  /** Record definitions by record type. */
  records: ReadonlyMap<string, RecordDef<any>>;
  /** The working-day calendar and deadline rules (cached). */
  deadlines: DeadlineStore;
  /** recordType → status machine, from every module. */
  workflows: ReadonlyMap<string, WorkflowDef>;
  /** code → indicator, from every module, in registration order. */
  indicators: ReadonlyMap<string, IndicatorDef>;
  /** Summary tables of the count indicators (per unit and year), kept exact by write generations. */
  facts: IndicatorFacts;
  /** recordType → its case number (案号/文号) definition, from every module. */
  caseNumbers: ReadonlyMap<string, CaseNumberDef>;
  /** key → document (文书) definition, from every module. */
  documents: ReadonlyMap<string, DocumentDef>;
  /** The record types global search covers, with the columns it searches (kernel/search). */
  searchTargets: readonly SearchTarget[];
  close(): Promise<void>;
}

export interface OpenResult {
  platform: Platform;
  keyFileCreated: boolean;
  migrationsApplied: string[];
}

/** Opens the database, creates the key file if needed and migrates a missing or old schema. */
export async function openPlatform(config: Config, modules: readonly ModuleManifest[]): Promise<OpenResult> {
  const keyFileCreated = ensureKeyFile(config.secretKeyFile);
  const keys = loadKeys(config.secretKeyFile);
  const handle = openDatabase(config);
  let migrationsApplied: string[];
  try {
    migrationsApplied = await migrate(
      handle.db,
      handle.dialect,
      modules.flatMap((m) => (m.migrations ? [m.migrations] : [])),
      config.pgSchema,
    );
    const moduleRules = modules.flatMap((m) => m.deadlineRules ?? []);
    const twice = moduleRules.map((r) => r.code).find((code, i, all) => all.indexOf(code) !== i);
    if (twice) throw new Error(`期限规则重复声明：${twice}`);
    await seedDefaultRules(handle.db, moduleRules);
  } catch (error) {
    await handle.close();
    throw error;
  }

  const grants = new Map<string, Set<Role>>();
  const labels: Record<string, string> = { ...PERMISSION_LABELS };
  for (const [permission, roles] of Object.entries(KERNEL_PERMISSIONS)) grants.set(permission, new Set(roles as readonly Role[]));
  const importTypes = new Map<string, ImportType>();
  const records = new Map<string, RecordDef<any>>();
  const workflows = new Map<string, WorkflowDef>();
  const indicators = new Map<string, IndicatorDef>();
  const caseNumbers = new Map<string, CaseNumberDef>();
  const documents = new Map<string, DocumentDef>();
  for (const mod of modules) {
    for (const def of mod.caseNumbers ?? []) caseNumbers.set(def.recordType, def);
    for (const def of mod.documents ?? []) {
      if (documents.has(def.key)) throw new Error(`文书重复声明：${def.key}（模块 ${mod.name}）`);
      documents.set(def.key, def);
    }
    for (const def of mod.indicators ?? []) {
      if (indicators.has(def.code)) throw new Error(`指标重复声明：${def.code}（模块 ${mod.name}）`);
      indicators.set(def.code, def);
    }
    for (const def of mod.workflows ?? []) {
      const problems = validateWorkflow(def);
      if (problems.length) throw new Error(`流程定义有误：${problems.join('；')}`);
      if (workflows.has(def.recordType)) throw new Error(`流程重复声明：${def.recordType}（模块 ${mod.name}）`);
      workflows.set(def.recordType, def);
    }
    for (const [permission, grant] of Object.entries(mod.permissions ?? {})) {
      if (grants.has(permission)) throw new Error(`权限重复声明：${permission}（模块 ${mod.name}）`);
      grants.set(permission, new Set(grant.roles));
      labels[permission] = grant.label;
    }
    for (const def of mod.records ?? []) {
      if (records.has(def.type)) throw new Error(`记录类型重复声明：${def.type}（模块 ${mod.name}）`);
      records.set(def.type, def);
    }
    for (const type of mod.importTypes ?? []) {
      if (importTypes.has(type.type)) throw new Error(`导入类型重复声明：${type.type}（模块 ${mod.name}）`);
      importTypes.set(type.type, type);
    }
  }

  // An import type that does not resolve units and refs within the importer's scope (kernel/imports/by-ref.ts)
  // may only be granted to roles that see the whole platform.
  for (const type of importTypes.values()) {
    const narrow = [...(grants.get(type.permission) ?? [])].filter((r) => !ALL_SCOPE_ROLES.includes(r));
    if (!isRefImport(type) && narrow.length) {
      await handle.close();
      throw new Error(`导入类型 ${type.type} 未按数据范围导入，不能授予 ${narrow.join('、')}`);
    }
  }

  for (const def of indicators.values()) {
    if (def.kind === 'count' || def.kind === 'sum') continue;
    const parts: [string, 'count' | 'sum'][] = def.kind === 'rate' ? [[def.numerator, 'count'], [def.denominator, 'count']] : def.kind === 'average' ? [[def.sum, 'sum'], [def.count, 'count']] : [[def.of, 'count']];
    for (const [part, kind] of parts) {
      // A rate may also divide two sums (e.g. days saved over statutory days: a time compression rate).
      const found = indicators.get(part)?.kind;
      if (found !== kind && !(def.kind === 'rate' && found === 'sum')) throw new Error(`指标 ${def.code} 引用的 ${part} 不是已注册的${kind === 'sum' ? '合计' : '计数'}指标`);
    }
  }

  const facts = new IndicatorFacts(handle.db, handle.dialect, indicators);
  let searchable: SearchTarget[];
  try {
    await facts.install(['clocks', 'org_units', ...CALENDAR_TABLES]);
    await installLightCounts(handle.db, handle.dialect);
    searchable = await installSearch(handle.db, handle.dialect, searchTargets({ workflows, records }));
  } catch (error) {
    await handle.close();
    throw error;
  }

  const platform: Platform = {
    config,
    db: handle.db,
    dialect: handle.dialect,
    sqliteFile: handle.file,
    keys,
    audit: new AuditLog(keys, handle.dialect),
    modules,
    grants,
    permissionLabels: labels,
    importTypes,
    records,
    deadlines: new DeadlineStore(handle.db),
    workflows,
    indicators,
    facts,
    caseNumbers,
    documents,
    searchTargets: searchable,
    close: () => handle.close(),
  };
  return { platform, keyFileCreated, migrationsApplied };
}

const permissionSets = new WeakMap<Platform, Map<string, ReadonlySet<string>>>();

/** The permissions a set of roles holds; grants are fixed once the platform is open, so each set is worked out once. */
export function permissionsOf(platform: Platform, roles: readonly string[]): ReadonlySet<string> {
  let known = permissionSets.get(platform);
  if (!known) permissionSets.set(platform, (known = new Map()));
  const key = [...roles].sort().join(',');
  let out = known.get(key);
  if (!out) {
    const held = new Set<string>();
    for (const [permission, granted] of platform.grants) if (roles.some((r) => granted.has(r as Role))) held.add(permission);
    known.set(key, (out = held));
  }
  return out;
}
