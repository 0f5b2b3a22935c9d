// The help.md format (docs/help.md): what a writer writes is what the help pages get, and a slip —
// a heading the parser does not know, a workflow, step or rule the help cannot name, a list item
// without its colon — stops with the file and the line, rather than showing a half help.
import { describe, expect, it } from 'vitest';
import { MATTER_WORKFLOW } from '../../shared/schemas/matters.ts';
import { HelpFormatError, parseHelp } from './parse.ts';

const FILE = 'src/web/modules/matters/help.md';
const parse = (text: string) => parseHelp(text, { key: 'matters', file: FILE, workflow: (type) => (type === 'matter' ? MATTER_WORKFLOW : undefined) });

const GOOD = `<!-- A note for the writers:
     it spans lines. -->
# 交办事项

页面：/matters /matters-archive

## 用途

第一段，
折行接着写。

第二段。

## 分工

- 法治办工作人员：交办事项，审核办理情况。
- 单位联络员、单位负责人: 按期报送，
  折行接着写。

## 流程 matter

交办时选择期限规则，默认{{matter.reply}}。

- reply：写明办理情况并上传材料。
- return: 退回时写明原因。

## 期限规则

- matter.reply

## 批量导入

- matters

往年的事项可以导入。

## 常见问题

### 事项暂缓后期限怎么算？

暂缓期间期限暂停。

### 能撤销吗？

能。
`;

/** The parse error of GOOD with one line changed (1-based; null removes it). */
function errorOf(line: number, text: string | null, source = GOOD): HelpFormatError {
  const lines = source.split('\n');
  if (text === null) lines.splice(line - 1, 1);
  else lines[line - 1] = text;
  try {
    parse(lines.join('\n'));
  } catch (e) {
    expect(e).toBeInstanceOf(HelpFormatError);
    return e as HelpFormatError;
  }
  throw new Error(`line ${line} → ${text}: parsed`);
}

describe('help.md', () => {
  it('reads the title, paths, paragraphs, lists, workflow steps, rules, imports and questions', () => {
    expect(parse(GOOD)).toEqual({
      key: 'matters',
      title: '交办事项',
      paths: ['/matters', '/matters-archive'],
      // Paragraphs are lines of the purpose; a wrapped line joins without a space (Chinese has none).
      purpose: '第一段，折行接着写。\n第二段。',
      duties: [
        { who: '法治办工作人员', does: '交办事项，审核办理情况。' },
        { who: '单位联络员、单位负责人', does: '按期报送，折行接着写。' },
      ],
      workflows: [{ def: MATTER_WORKFLOW, intro: '交办时选择期限规则，默认{{matter.reply}}。', steps: { reply: '写明办理情况并上传材料。', return: '退回时写明原因。' } }],
      rules: ['matter.reply'],
      imports: { types: ['matters'], text: '往年的事项可以导入。' },
      faq: [
        { q: '事项暂缓后期限怎么算？', a: '暂缓期间期限暂停。' },
        { q: '能撤销吗？', a: '能。' },
      ],
    });
  });

  it('leaves out what a module has not: workflows, steps, rules, imports', () => {
    const help = parse('# 驾驶舱\n页面：/dashboard\n## 用途\n一段。\n## 分工\n- 县领导：查看。\n## 流程 matter\n说明。\n## 常见问题\n### 问？\n答。\n');
    expect(help.workflows).toEqual([{ def: MATTER_WORKFLOW, intro: '说明。' }]);
    expect(help.rules).toEqual([]);
    expect(help).not.toHaveProperty('imports');
  });

  it('names the file and line of what it cannot read', () => {
    const cases: [line: number, text: string | null, at: number, says: string][] = [
      [3, '## 交办事项', 3, '一级标题'],
      [5, null, 3, '页面：/路径'],
      [5, '页面：matters', 5, '应以 / 开头'],
      [7, '## 用法', 7, '不认识的二级标题“用法”'],
      [27, '## 流程 matter', 27, '“## 流程 matter”重复（第 20 行已有）'],
      [16, '- 法治办工作人员交办事项', 16, '- 谁：做什么'],
      [20, '## 流程 nope', 20, '没有记录类型为“nope”的流程定义'],
      [20, '## 流程', 20, '## 流程 记录类型'],
      [24, '- approve：通过。', 24, '没有步骤“approve”：应为 reply（报送办理情况）'],
      [25, '- reply：又写一次。', 25, '步骤“reply”重复'],
      [22, '交办时默认{{matter.nope}}。', 22, '{{matter.nope}} 不在“## 期限规则”中'],
      [29, '- Matter Reply', 29, '不是期限规则代码'],
      [31, '## 期限规则', 31, '“## 期限规则”重复'],
      [43, '#### 能撤销吗？', 43, '不支持 #### 标题'],
      [37, '### 导入', 37, '只能用在“## 常见问题”下'],
      [45, '', 43, '缺少“能撤销吗？”的答案'],
      [2, '     it spans lines.', 46, '注释（<!--）没有以 --> 结束'],
    ];
    for (const [line, text, at, says] of cases) {
      const e = errorOf(line, text);
      expect(e.message, `${line} → ${text}`).toContain(says);
      expect(e.message.startsWith(`${FILE}:${at}: `), `${line} → ${text}: ${e.message}`).toBe(true);
      expect([e.file, e.line]).toEqual([FILE, at]);
    }
  });

  it('wants the purpose, the duties and the questions', () => {
    for (const section of ['用途', '分工', '常见问题']) {
      const without = GOOD.replace(new RegExp(`## ${section}\\n[^#]*(?:### [^#]*)*`), '');
      expect(() => parse(without), section).toThrow(`${FILE}:3: 缺少“## ${section}”`);
    }
  });
});
