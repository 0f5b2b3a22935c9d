// Module manifests: what a module contributes. The kernel reads these; it never imports a module.
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../shared/roles.ts';
import type { MigrationSet } from './db/migrations.ts';
import type { Executor, Tx } from './db/index.ts';
import type { ImportType } from './imports/types.ts';
import type { Platform } from './platform.ts';
import type { WorkflowDef } from '../../shared/workflow.ts';
import type { IndicatorDef } from './indicators/registry.ts';
import type { RecordDef } from '../../shared/records.ts';
import type { DeadlineRuleSeed } from './calendar/default-rules.ts';
import type { PublicFormDef } from './public/types.ts';
import type { CaseNumberDef } from '../../shared/schemas/numbering.ts';
import type { DocumentDef } from '../../shared/schemas/documents.ts';

export interface PermissionGrant {
  label: string;
  roles: readonly Role[];
}

export interface ModuleManifest {
  /** Folder name, also the prefix of its migrations and audit actions. */
  name: string;
  title: string;
  permissions?: Record<string, PermissionGrant>;
  migrations?: MigrationSet;
  /** Registers the module's routes; the plugin is mounted under /api/v1. */
  routes?: (app: FastifyInstance, platform: Platform) => Promise<void>;
  importTypes?: ImportType[];
  /** Definitions of the module's record types (fields, labels, flags); a test holds them to the migrated tables. */
  records?: RecordDef<any>[];
  /** The deadline rules the module's clocks use (statutory periods with their citations), seeded once. */
  deadlineRules?: readonly DeadlineRuleSeed[];
  /** Record types that take a case number (案号/文号), when, and by which default pattern (kernel/numbering). */
  caseNumbers?: readonly CaseNumberDef[];
  /** The documents (文书) its records produce, with their default wording (kernel/documents). */
  documents?: readonly DocumentDef[];
  /** Status machines of the module's record types. */
  workflows?: WorkflowDef[];
  /**
   * Called in the escalation's transaction when a clock of one of this module's record types is
   * escalated (level 1: unit head, 2: law office), e.g. to issue a supervision notice (督办单).
   */
  onEscalate?: (tx: Tx, platform: Platform, clock: { record_type: string; record_id: string; unit_id: string; label: string; due_date: string }, level: 1 | 2) => Promise<void>;
  /** The module's part of the daily job (e.g. deemed acceptance when a review clock lapses), before escalation. */
  daily?: (platform: Platform, date: string) => Promise<void>;
  /**
   * Called before a transition's transaction, for work that may not run inside one (counting figures
   * can refresh summary tables; SQLite holds one connection): throws to refuse the transition, or
   * returns columns written with it (e.g. a snapshot frozen on approval).
   */
  beforeTransition?: (platform: Platform, recordType: string, record: Record<string, unknown> & { id: string; unit_id: string; status: string }, transition: string) => Promise<Record<string, unknown> | void>;
  /**
   * Units beyond the owner that follow a record of this type, read-only, by record type (a task's
   * 配合单位 see its status, deadline and timeline; only the lead unit acts on it).
   */
  alsoReadBy?: Record<string, (db: Executor, recordId: string) => Promise<string[]>>;
  /** Called in a transition's transaction after the record changed (keeps derived data in step). */
  afterTransition?: (tx: Tx, platform: Platform, recordType: string, record: Record<string, unknown> & { id: string; unit_id: string; status: string }, transition: string, date: string) => Promise<void>;
  /** Figures computed from the module's records (domain.md §4 codes are API). */
  indicators?: IndicatorDef[];
  /** Forms the public submits without an account, each landing as one of the module's records (kernel/public). */
  publicForms?: PublicFormDef[];
  /** Adds this module's part of the demo county; must be idempotent. */
  demo?: (platform: Platform, print: (line: string) => void) => Promise<void>;
}

/** A module's `afterTransition` for one of its record types: `run` keeps that type's derived data in step. */
export const afterTransitionOf =
  (recordType: string, run: (tx: Tx, record: Parameters<NonNullable<ModuleManifest['afterTransition']>>[3], date: string) => Promise<void>): ModuleManifest['afterTransition'] =>
  async (tx, _platform, type, record, _transition, date) => {
    if (type === recordType) await run(tx, record, date);
  };
