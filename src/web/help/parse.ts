// Reads a module's help.md (the format is described in docs/help.md) into the ModuleHelp the help
// pages show. Not a Markdown engine: it knows the few headings and lists a help has, and stops at the
// first line it cannot place, naming the file and the line, so that a writer's slip fails the unit
// test rather than showing a half help.
import type { WorkflowDef } from '../../shared/workflow.ts';
import { RULE_PLACEHOLDER, type HelpWorkflow, type ModuleHelp } from './types.ts';

export class HelpFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'HelpFormatError';
  }
}

export interface HelpSource {
  /** The module's folder under src/web/modules. */
  key: string;
  /** The file's path, for errors. */
  file: string;
  /** The workflow definition a `## 流程 <record type>` section documents. */
  workflow: (recordType: string) => WorkflowDef | undefined;
}

/** A paragraph or a list item, with the line it starts on. */
interface Block {
  kind: 'paragraph' | 'item';
  text: string;
  line: number;
}

interface Section {
  /** The heading's text after `## `, or '' for what stands between the title and the first section. */
  heading: string;
  line: number;
  blocks: Block[];
  /** `### 问题` subsections (常见问题 only). */
  subsections: { heading: string; line: number; blocks: Block[] }[];
}

const SECTIONS = ['用途', '分工', '流程', '期限规则', '批量导入', '常见问题'] as const;
const REQUIRED = ['用途', '分工', '常见问题'] as const;
/** `页面：/foi /foi-reports` under the title. */
const PATHS_LINE = /^页面[：:]\s*(.*)$/;
/** `名称：说明` (a full-width or ASCII colon; the first one splits). */
const PAIR = /^([^：:]+)[：:]\s*(.+)$/;
const CODE = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/;

/** Splits the file into its title, the lines under the title, and its `##` sections. */
function outline(text: string, fail: (line: number, problem: string) => never) {
  let title: { text: string; line: number } | null = null;
  const sections: Section[] = [];
  let blocks: Block[] | null = null;
  /** The block the next line continues (a wrapped paragraph or list item), until a blank line. */
  let open: Block | null = null;
  let comment = false;
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    const line = raw.trim();
    // <!-- notes for the writers -->, on lines of their own.
    if (comment || line.startsWith('<!--')) {
      comment = !line.endsWith('-->');
      continue;
    }
    if (!line) {
      open = null;
      continue;
    }
    const heading = /^(#{1,6})\s*(.*)$/.exec(line);
    if (heading) {
      open = null;
      const [, hashes, name] = heading;
      if (!name) fail(n, '标题为空');
      if (hashes === '#') {
        if (title) fail(n, `只能有一个一级标题（第 ${title.line} 行已有“${title.text}”）`);
        title = { text: name, line: n };
        sections.push({ heading: '', line: n, blocks: [], subsections: [] });
      } else if (!title) {
        fail(n, '文件须以一级标题（# 模块名称）开头');
      } else if (hashes === '##') {
        sections.push({ heading: name, line: n, blocks: [], subsections: [] });
      } else if (hashes === '###') {
        const section = sections[sections.length - 1];
        if (section.heading !== '常见问题') fail(n, '三级标题（### 问题）只能用在“## 常见问题”下');
        section.subsections.push({ heading: name, line: n, blocks: [] });
      } else {
        fail(n, `不支持 ${hashes} 标题：只用 #、## 和 ###`);
      }
      const section = sections[sections.length - 1];
      blocks = section.subsections.length ? section.subsections[section.subsections.length - 1].blocks : section.blocks;
      continue;
    }
    if (!blocks) fail(n, '文件须以一级标题（# 模块名称）开头');
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (item) {
      open = { kind: 'item', text: item[1], line: n };
      blocks.push(open);
    } else if (open) {
      // A wrapped line: Chinese has no spaces between words, so the lines join as they are.
      open.text += line;
    } else {
      open = { kind: 'paragraph', text: line, line: n };
      blocks.push(open);
    }
  }
  if (comment) fail(lines.length, '注释（<!--）没有以 --> 结束');
  if (!title) return fail(1, '文件须以一级标题（# 模块名称）开头');
  return { title, sections };
}

/** A help.md as the ModuleHelp the pages show; throws a HelpFormatError naming the file and line. */
export function parseHelp(text: string, source: HelpSource): ModuleHelp {
  const fail = (line: number, problem: string): never => {
    throw new HelpFormatError(source.file, line, problem);
  };
  const { title, sections } = outline(text, fail);

  const only = (section: Section | { heading: string; blocks: Block[] }, kind: Block['kind'], what: string) => {
    const stray = section.blocks.find((b) => b.kind !== kind);
    if (stray) fail(stray.line, `“${section.heading || title.text}”下${what}`);
    return section.blocks;
  };
  const paragraphs = (blocks: Block[], line: number, what: string) => {
    const texts = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    if (!texts.length) fail(line, `缺少${what}`);
    return texts.join('\n');
  };
  const pair = (b: Block, what: string) => PAIR.exec(b.text) ?? fail(b.line, `列表项应写成“${what}”`);
  const code = (b: Block, what: string) => (CODE.test(b.text) ? b.text : fail(b.line, `“${b.text}”不是${what}（小写字母、数字、下划线和点）`));

  // The lines between the title and the first section: the pages' paths.
  const [head, ...rest] = sections;
  const pathsBlock = only(head, 'paragraph', '只能写“页面：/路径”一行')[0];
  const pathsMatch = pathsBlock && PATHS_LINE.exec(pathsBlock.text);
  if (!pathsBlock || !pathsMatch) fail(pathsBlock?.line ?? title.line, '标题下须写“页面：/路径”（多个路径用空格分隔）');
  if (head.blocks.length > 1) fail(head.blocks[1].line, '标题下只写“页面：/路径”一行');
  const paths = pathsMatch![1].split(/[\s,，、]+/).filter(Boolean);
  for (const p of paths) if (!p.startsWith('/')) fail(pathsBlock.line, `页面路径“${p}”应以 / 开头`);
  if (!paths.length) fail(pathsBlock.line, '“页面：”后至少写一个路径');

  const seen = new Map<string, number>();
  const workflows: HelpWorkflow[] = [];
  const placeholders: { code: string; line: number }[] = [];
  const prose = (blocks: readonly Block[]) => {
    for (const b of blocks) for (const m of b.text.matchAll(RULE_PLACEHOLDER)) placeholders.push({ code: m[1], line: b.line });
  };
  let purpose = '';
  let duties: ModuleHelp['duties'] = [];
  let rules: string[] = [];
  let imports: ModuleHelp['imports'];
  let faq: ModuleHelp['faq'] = [];

  for (const section of rest) {
    const [kind, ...args] = section.heading.split(/\s+/);
    if (!(SECTIONS as readonly string[]).includes(kind)) fail(section.line, `不认识的二级标题“${section.heading}”：应为 ${SECTIONS.map((s) => (s === '流程' ? '流程 <记录类型>' : s)).join('、')} 之一`);
    if (kind === '流程' ? args.length !== 1 : args.length) fail(section.line, kind === '流程' ? '流程标题应写成“## 流程 记录类型”，如“## 流程 foi_request”' : `“## ${kind}”后不写其他内容`);
    const id = kind === '流程' ? `流程 ${args[0]}` : kind;
    if (seen.has(id)) fail(section.line, `“## ${id}”重复（第 ${seen.get(id)} 行已有）`);
    seen.set(id, section.line);
    prose(section.blocks);

    if (kind === '用途') {
      purpose = paragraphs(only(section, 'paragraph', '只写段落'), section.line, '用途的说明');
    } else if (kind === '分工') {
      duties = only(section, 'item', '每项写成“- 谁：做什么”').map((b) => {
        const [, who, does] = pair(b, '- 谁：做什么');
        return { who: who.trim(), does };
      });
      if (!duties.length) fail(section.line, '缺少“- 谁：做什么”');
    } else if (kind === '流程') {
      const def = source.workflow(args[0]) ?? fail(section.line, `没有记录类型为“${args[0]}”的流程定义（见 src/web/help/workflows.ts）`);
      const intro = paragraphs(section.blocks, section.line, '流程的说明段落');
      const items = section.blocks.filter((b) => b.kind === 'item');
      const steps: Record<string, string> = {};
      for (const b of items) {
        const [, key, step] = pair(b, '- 步骤：说明');
        const t = key.trim();
        if (!def.transitions.some((tr) => tr.key === t)) fail(b.line, `流程“${def.title}”（${def.recordType}）没有步骤“${t}”：应为 ${def.transitions.map((tr) => `${tr.key}（${tr.label}）`).join('、')} 之一`);
        if (t in steps) fail(b.line, `步骤“${t}”重复`);
        steps[t] = step;
      }
      workflows.push(items.length ? { def, intro, steps } : { def, intro });
    } else if (kind === '期限规则') {
      rules = only(section, 'item', '每项写成“- 规则代码”').map((b) => code(b, '期限规则代码'));
      if (new Set(rules).size !== rules.length) fail(section.line, '期限规则有重复');
    } else if (kind === '批量导入') {
      const types = section.blocks.filter((b) => b.kind === 'item').map((b) => code(b, '导入类型代码'));
      if (!types.length) fail(section.line, '缺少导入类型（“- 导入类型代码”）');
      imports = { types, text: paragraphs(section.blocks, section.line, '批量导入的说明段落') };
    } else {
      only(section, 'paragraph', '每个问题写成“### 问题”，答案写在其下');
      if (!section.subsections.length) fail(section.line, '缺少问题（“### 问题”）');
      faq = section.subsections.map((s) => {
        prose([{ kind: 'paragraph', text: s.heading, line: s.line }, ...s.blocks]);
        return { q: s.heading, a: paragraphs(only(s, 'paragraph', '只写段落'), s.line, `“${s.heading}”的答案`) };
      });
    }
  }
  for (const kind of REQUIRED) if (!seen.has(kind)) fail(title.line, `缺少“## ${kind}”`);
  // A period in prose is a placeholder of one of the rules the help lists (shown from the rules table).
  for (const p of placeholders) if (!rules.includes(p.code)) fail(p.line, `{{${p.code}}} 不在“## 期限规则”中`);

  return { key: source.key, title: title.text, paths, purpose, duties, workflows, rules, ...(imports ? { imports } : {}), faq };
}
