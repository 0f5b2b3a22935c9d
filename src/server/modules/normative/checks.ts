// Pre-review checks (合法性审查预审提示) on a draft's text: rules, each with its citation, that point
// the reviewer at sentences which may create licences, penalties, coercive measures or fees, reduce
// rights or add obligations, or restrict fair competition, and at a draft that says nothing of its
// validity or of public comment. A flag is a question for the reviewer, never a finding: the reviewer
// confirms or dismisses each one. The rules are data (normdoc_check_rules), seeded from these.
import type { CHECK_CATEGORIES } from '../../../shared/schemas/normative.ts';

export type CheckCategory = keyof typeof CHECK_CATEGORIES;

export interface CheckRule {
  code: string;
  category: CheckCategory;
  name: string;
  /**
   * 'sentence': flags each sentence the pattern matches (unless `basis` matches it too: the sentence
   * names the law it applies); 'absent': flags the draft when no sentence matches.
   */
  scope: 'sentence' | 'absent';
  /** A regular expression over one sentence (Chinese text, no flags). */
  pattern: string;
  /** A sentence that also matches this cites its legal basis (依照《…》的规定) and is not flagged. */
  basis: string | null;
  citation: string;
}

export interface Flag {
  ruleCode: string;
  /** The sentence flagged (null: the draft as a whole). */
  sentence: string | null;
  /** Its place in the text (character offset), for the order of the list. */
  position: number;
}

/** Sentences end at 。；！？ or a line break; a clause numbered 第X条 starts a new one. */
export function sentences(text: string): { text: string; position: number }[] {
  const out: { text: string; position: number }[] = [];
  const re = /[^。；;！？!?\n]+[。；;！？!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const trimmed = m[0].trim();
    if (trimmed.length >= 4) out.push({ text: trimmed, position: m.index + m[0].indexOf(trimmed) });
  }
  return out;
}

/** The flags of `rules` on `text` (sentence rules in text order, then what the draft lacks). */
export function runChecks(text: string, rules: readonly CheckRule[]): Flag[] {
  const parts = sentences(text);
  const flags: Flag[] = [];
  for (const rule of rules) {
    const pattern = new RegExp(rule.pattern);
    if (rule.scope === 'absent') {
      if (!parts.some((s) => pattern.test(s.text))) flags.push({ ruleCode: rule.code, sentence: null, position: Number.MAX_SAFE_INTEGER });
      continue;
    }
    const basis = rule.basis ? new RegExp(rule.basis) : null;
    for (const s of parts) if (pattern.test(s.text) && !basis?.test(s.text)) flags.push({ ruleCode: rule.code, sentence: s.text, position: s.position });
  }
  return flags.sort((a, b) => a.position - b.position || a.ruleCode.localeCompare(b.ruleCode));
}

/** A rule's patterns compile (a law-office edit is checked before it is saved); the message says why not. */
export function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (e) {
    return `不是有效的正则表达式（${(e as Error).message}）`;
  }
}

// The legal basis a sentence names: it applies a law rather than creating a measure of its own.
const NAMED_LAW = '(依照|依据|按照|根据)[^，。；]{0,20}《[^》]+》';
const CIRCULAR_37 = '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）';

export const DEFAULT_CHECK_RULES: readonly CheckRule[] = [
  {
    code: 'licence',
    category: 'licence',
    name: '设定行政许可',
    scope: 'sentence',
    pattern: '许可证|许可后|未经[^，。；]{0,6}许可|经[^，。；]{0,12}(批准|审批|核准)后?方可|须经[^，。；]{0,12}(批准|审批|同意)|(申请办理|取得)[^，。；]{0,12}(许可|审批|准予)',
    basis: NAMED_LAW,
    citation: `《中华人民共和国行政许可法》第十七条：除本法第十四条、第十五条规定的外，其他规范性文件一律不得设定行政许可；${CIRCULAR_37}`,
  },
  {
    code: 'penalty',
    category: 'penalty',
    name: '设定行政处罚',
    scope: 'sentence',
    pattern: '罚款|没收(违法所得|非法财物)|吊销|暂扣[^，。；]{0,6}(证|照)|责令停产停业|行政拘留|通报批评|降低资质等级',
    basis: NAMED_LAW,
    citation: '《中华人民共和国行政处罚法》第十六条：除法律、法规、规章外，其他规范性文件不得设定行政处罚',
  },
  {
    code: 'coercion',
    category: 'coercion',
    name: '设定行政强制',
    scope: 'sentence',
    pattern: '查封|扣押|冻结[^，。；]{0,6}(存款|汇款|财产)|强制(拆除|执行|清除|扣缴)|代履行|加处罚款|滞纳金',
    basis: NAMED_LAW,
    citation: '《中华人民共和国行政强制法》第十条第四款：法律、法规以外的其他规范性文件不得设定行政强制措施；第十三条：行政强制执行由法律设定',
  },
  {
    code: 'fee',
    category: 'fee',
    name: '设定收费',
    scope: 'sentence',
    pattern: '(收取|缴纳|交纳|缴存|征收|计收)[^，。；]{0,16}(费|基金|保证金|押金)',
    basis: NAMED_LAW,
    citation: `${CIRCULAR_37}：严禁越权发文，不得违法增加义务；行政事业性收费项目由国务院和省级人民政府及其财政、价格主管部门按权限审批（《行政事业性收费项目审批管理暂行办法》）`,
  },
  {
    code: 'obligation',
    category: 'obligation',
    name: '减损权利或者增加义务',
    scope: 'sentence',
    pattern: '不予(办理|受理|享受)|不得享受|取消[^，。；]{0,8}(资格|待遇|补贴)|列入[^，。；]{0,8}(黑名单|失信)|限制[^，。；]{0,6}(出行|入学|就业|出境)|(另行|额外)提供[^，。；]{0,12}证明',
    basis: NAMED_LAW,
    citation: `《中华人民共和国立法法》第九十三条第六款：没有法律、行政法规、地方性法规的依据，地方政府规章不得设定减损公民、法人和其他组织权利或者增加其义务的规范；${CIRCULAR_37}：不得违法减损公民、法人和其他组织的合法权益或者增加其义务`,
  },
  {
    code: 'competition.designated',
    category: 'competition',
    name: '限定经营、购买、使用特定经营者的商品或者服务',
    scope: 'sentence',
    pattern: '(指定|限定|推荐)的?[^，。；]{0,12}(企业|单位|供应商|经营者|机构|品牌|产品)',
    basis: null,
    citation: '《公平竞争审查条例》（2024年）第九条：不得限定或者变相限定经营、购买或者使用特定经营者提供的商品或者服务；《中华人民共和国反垄断法》第三十九条',
  },
  {
    code: 'competition.local',
    category: 'competition',
    name: '地方保护、歧视外地经营者',
    scope: 'sentence',
    pattern: '(本地|本县|当地|本市)[^，。；]{0,10}(企业|产品|供应商|经营者)[^，。；]{0,10}(优先|方可|限于|为限)|外地[^。；]{0,24}(另行|额外|更高|不得|限制|禁止)',
    basis: null,
    citation: '《公平竞争审查条例》（2024年）第十条：不得对外地经营者设置歧视性收费项目、收费标准、价格，不得限制外地商品、服务进入本地市场；《中华人民共和国反垄断法》第四十一条',
  },
  {
    code: 'validity',
    category: 'validity',
    name: '未载明有效期',
    scope: 'absent',
    pattern: '有效期|施行[^，。；]{0,8}(年|至)|暂行|试行',
    basis: null,
    citation: '省行政规范性文件管理规定（如《广东省行政规范性文件管理规定》）：规范性文件应当载明有效期，有效期一般不超过5年，暂行、试行的不超过2年',
  },
  {
    code: 'consultation',
    category: 'consultation',
    name: '未记录公开征求意见',
    scope: 'absent',
    pattern: '征求意见|征求了?[^，。；]{0,10}意见|听取意见|听证',
    basis: null,
    citation: `${CIRCULAR_37}：涉及群众切身利益或者对公民、法人和其他组织权利义务有重大影响的，应当向社会公开征求意见，期限一般不少于7个工作日`,
  },
];
