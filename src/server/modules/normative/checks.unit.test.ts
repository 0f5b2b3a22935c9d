// The pre-review checks on real sentences of county normative documents: what each rule flags, what
// it leaves alone (a sentence applying a named law, a sentence protecting competition), and what a
// draft lacks as a whole.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_RULES, patternProblem, runChecks, sentences } from './checks.ts';

const flagged = (text: string) => runChecks(text, DEFAULT_CHECK_RULES).filter((f) => f.sentence).map((f) => f.ruleCode);
const rule = (code: string) => [DEFAULT_CHECK_RULES.find((r) => r.code === code)!];

describe('sentence rules', () => {
  it.each([
    ['在本县城区设置户外广告设施的，应当向县城市管理综合执法局申请办理户外广告设置许可证。', ['licence']],
    ['从事校外培训的机构，须经县教育局审批同意后方可开展培训活动。', ['licence']],
    ['未经许可擅自设置户外广告设施的，由县城市管理综合执法局责令限期拆除，并处五千元以上三万元以下罚款。', ['licence', 'penalty']],
    ['逾期不拆除的，由县城市管理综合执法局强制拆除，所需费用由设置人承担。', ['coercion']],
    ['对拒不整改的经营户，可以查封其经营场所。', ['coercion']],
    ['设置户外广告设施的单位和个人，应当按年度缴纳户外广告设施管理费。', ['fee']],
    ['参加招聘的人员须交纳报名保证金500元。', ['fee']],
    ['未按规定参加垃圾分类培训的住户，不予办理房屋租赁备案。', ['obligation']],
    ['拖欠物业费的业主，列入本县信用黑名单。', ['obligation']],
    ['户外广告设施的制作安装，应当由县城市管理综合执法局指定的企业承担。', ['competition.designated']],
    ['政府投资项目的建筑材料，同等条件下本地企业产品优先采购。', ['competition.local']],
    ['外地施工企业进入本县市场的，应当另行缴存农民工工资保证金。', ['competition.local', 'fee']],
  ])('flags: %s', (sentence, codes) => {
    expect(flagged(sentence)).toEqual(codes);
  });

  it.each([
    // Applying a named law is not creating a measure.
    '违反本办法规定的，由城市管理综合执法部门依照《中华人民共和国固体废物污染环境防治法》的规定处理。',
    '对违法建设，依照《中华人民共和国城乡规划法》第六十八条的规定责令停止建设、限期拆除，并处罚款。',
    // Protecting competition mentions the words but restricts nothing.
    '政府采购不得以企业所有制形式、组织形式、股权结构或者规模等设置差别待遇。',
    '保障民营企业依法平等使用资金、技术、人力资源、土地等各类生产要素和公共服务资源。',
    '第二条 公办义务教育学校实行免试就近入学。',
    '集体资产的发包、出租、出让，应当经集体经济组织成员大会或者成员代表大会讨论决定，并在本集体经济组织内公示。',
  ])('leaves alone: %s', (sentence) => {
    expect(flagged(sentence)).toEqual([]);
  });
});

describe('what a draft lacks', () => {
  it('a validity period and a record of public comment, each once for the whole draft', () => {
    const draft = '第一条 为规范农贸市场经营秩序，制定本办法。\n第二条 农贸市场开办者应当建立入场销售者档案。';
    expect(runChecks(draft, DEFAULT_CHECK_RULES).map((f) => [f.ruleCode, f.sentence])).toEqual([['consultation', null], ['validity', null]]);
    expect(runChecks(`${draft}\n第三条 本办法自公布之日起施行，有效期5年。`, rule('validity'))).toEqual([]);
    expect(runChecks('本细则自2026年1月1日起试行。', rule('validity'))).toEqual([]);
    expect(runChecks('起草过程中，通过县政府门户网站公开征求意见15日。', rule('consultation'))).toEqual([]);
  });
});

describe('sentences and rules', () => {
  it('splits at 。；！？ and line breaks, keeping where each sentence starts', () => {
    expect(sentences('第一条 甲乙丙丁。第二条 戊己庚辛；\n第三条 壬癸子丑')).toEqual([
      { text: '第一条 甲乙丙丁。', position: 0 },
      { text: '第二条 戊己庚辛；', position: 9 },
      { text: '第三条 壬癸子丑', position: 19 },
    ]);
  });

  it('orders flags by their place in the text', () => {
    const text = '第一条 设置人应当缴纳管理费。\n第二条 由指定的企业安装。\n第三条 违者处二千元罚款。';
    expect(runChecks(text, DEFAULT_CHECK_RULES).filter((f) => f.sentence).map((f) => f.ruleCode)).toEqual(['fee', 'competition.designated', 'penalty']);
  });

  it('every default rule compiles; a broken pattern is explained', () => {
    for (const r of DEFAULT_CHECK_RULES) expect(patternProblem(r.pattern), r.code).toBeNull();
    expect(patternProblem('罚款(')).toContain('不是有效的正则表达式');
  });
});

describe('on the demo library', () => {
  it('flags the one draft that creates measures of its own (every flag true) and none of the ten others', async () => {
    const { DEMO_DOCS } = await import('./demo.ts');
    const found = DEMO_DOCS.map((d) => [d.title, runChecks(`${d.body}\n${d.consultation ?? (d.until === 'draft' ? '' : '已公开征求意见')}`, DEFAULT_CHECK_RULES).map((f) => f.ruleCode)] as const).filter(([, codes]) => codes.length);
    expect(found).toEqual([
      ['示范县户外广告设施设置管理办法', ['licence', 'competition.designated', 'licence', 'penalty', 'fee', 'validity']],
      ['示范县城关镇农贸市场管理办法', ['consultation', 'validity']],
    ]);
  });
});
