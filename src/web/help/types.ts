// A module's 操作说明, written beside the module as Markdown (src/web/modules/<module>/help.md, in
// the format docs/help.md describes, read by parse.ts): the prose a county clerk needs, while the
// workflow steps, who may take each one, and the deadline rules with their periods and citations come
// from the definitions themselves (the workflow defs, and the rules table the law office maintains)
// so that the help cannot drift from what the system does.
import type { WorkflowDef } from '../../shared/workflow.ts';

export interface HelpWorkflow {
  def: WorkflowDef;
  /** What the record is and where its steps begin (registration, import…). */
  intro: string;
  /** A sentence on a step, by transition key, shown beside it. */
  steps?: Record<string, string>;
}

export interface ModuleHelp {
  /** The module's folder under src/web/modules (its server module's folder too). */
  key: string;
  title: string;
  /** Paths of the module's pages: a page under one of them opens this help from 操作说明. */
  paths: readonly string[];
  /** What the module is for, in a paragraph or two. */
  purpose: string;
  /** Who does what (roles in Chinese). */
  duties: readonly { who: string; does: string }[];
  workflows: readonly HelpWorkflow[];
  /** Deadline rules (codes) the module's clocks count by: each shown with its period and citation from the rules table. */
  rules: readonly string[];
  /** The module's import types (codes) and what to know before importing. */
  imports?: { types: readonly string[]; text: string };
  faq: readonly { q: string; a: string }[];
}

/**
 * A period in prose is never typed as a number: `{{foi.reply}}` stands for the rule's period as the
 * rules table holds it (20个工作日), with its citation on hover.
 */
export const RULE_PLACEHOLDER = /\{\{([a-z_]+(?:\.[a-z_]+)+)\}\}/g;

/** The help page of a module. */
export const helpPath = (key: string) => `/help/${key}`;

/** The help that covers a page: the one with the longest path the page's path is or lies under. */
export function helpFor<H extends Pick<ModuleHelp, 'paths'>>(helps: readonly H[], path: string): H | null {
  let best: { help: H; length: number } | null = null;
  for (const help of helps) {
    for (const p of help.paths) {
      if ((path === p || path.startsWith(`${p}/`)) && (!best || p.length > best.length)) best = { help, length: p.length };
    }
  }
  return best?.help ?? null;
}
