// The shipped template: a tree on the nine areas of 法治政府建设实施纲要（2021—2025年）, with points
// for departments and towns that each add up to 100 (the national 示范创建指标体系's points are not
// public, so these are a starting point the law office edits), plus bonus, deduction and veto lines.
import type { LineInput } from '../../../shared/schemas/assessment.ts';

export type TemplateLine = Omit<LineInput, 'parentId'> & { parent?: string };

export const TEMPLATE_LINES: readonly TemplateLine[] = [
  { code: '1', title: '健全政府机构职能体系，推动更好发挥政府作用' },
  { code: '1.1', parent: '1', title: '权责清单动态调整与公开', points: 5, method: 'manual', standard: '权责清单按规定动态调整并公开得满分；未调整或未公开的每项扣 1 分', evidence: '权责清单调整文件、公开网页截图' },
  { code: '1.2', parent: '1', title: '年度法治政府建设重点任务完成率', points: 5, method: 'computed', indicator: 'tasks.completion_rate', formula: 'points * value', standard: '按本单位牵头任务的完成率计分（无牵头任务的不适用）', evidence: '任务台账（系统自动统计）' },
  { code: '2', title: '健全依法行政制度体系，加快推进政府治理规范化程序化法治化' },
  { code: '2.1', parent: '2', title: '行政规范性文件按时报备率', points: 6, method: 'computed', indicator: 'docs.filed_on_time_rate', formula: 'points * value', standard: '按时报送备案的文件占比乘以分值；当年未制发文件的不适用', evidence: '备案登记（系统自动统计）' },
  { code: '2.2', parent: '2', title: '合法性审核全覆盖', points: 6, method: 'manual', standard: '行政规范性文件、重大决策、合同应审尽审；漏审一件扣 2 分', evidence: '合法性审核意见书' },
  { code: '3', title: '健全行政决策制度体系，不断提升行政决策公信力和执行力' },
  { code: '3.1', parent: '3', title: '重大行政决策法定程序', points: 8, method: 'manual', categories: '部门', standard: '公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序齐全；缺一项扣 2 分', evidence: '决策卷宗' },
  { code: '3.2', parent: '3', title: '村（社区）法律顾问全覆盖', points: 8, method: 'manual', categories: '乡镇', standard: '辖区村（社区）均聘请法律顾问得满分；每缺一个扣 1 分', evidence: '法律顾问聘用合同' },
  { code: '3.3', parent: '3', title: '政府法律顾问发挥作用', points: 4, method: 'manual', standard: '法律顾问参与重大事项论证有记录', evidence: '法律顾问工作记录' },
  { code: '4', title: '健全行政执法工作体系，全面推进严格规范公正文明执法' },
  { code: '4.1', parent: '4', title: '行政执法案卷评查合格率', points: 8, method: 'computed', indicator: 'enforcement.file_review_pass_rate', formula: 'points * value', standard: '评查合格案卷占比乘以分值；未被抽查的不适用', evidence: '案卷评查结果（系统自动统计）' },
  { code: '4.2', parent: '4', title: '行政执法“三项制度”落实', points: 6, method: 'manual', standard: '执法公示、全过程记录、重大执法决定法制审核落实到位', evidence: '公示记录、音像记录、法制审核意见' },
  { code: '4.3', parent: '4', title: '执法人员持证上岗与培训', points: 6, method: 'manual', standard: '执法人员全部持证且年度培训不少于 60 学时', evidence: '执法证台账、培训记录' },
  { code: '5', title: '健全突发事件应对体系，依法预防处置重大突发事件' },
  { code: '5.1', parent: '5', title: '应急预案与依法处置', points: 6, method: 'manual', standard: '应急预案按规定修订、演练，突发事件依法处置', evidence: '应急预案、演练记录' },
  { code: '6', title: '健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义' },
  { code: '6.1', parent: '6', title: '行政复议纠错率', points: 6, method: 'computed', indicator: 'review.correction_rate', formula: 'max(0, points - 20 * value)', standard: '满分减去纠错率的 20 倍；当年无复议决定的不适用', evidence: '复议决定（系统自动统计）' },
  { code: '6.2', parent: '6', title: '矛盾纠纷调解成功率', points: 8, method: 'computed', indicator: 'mediation.success_rate', formula: 'points * value', standard: '调解成功率乘以分值；无调结案件的不适用', evidence: '调解台账（系统自动统计）' },
  { code: '7', title: '健全行政权力制约和监督体系，促进行政权力规范透明运行' },
  { code: '7.1', parent: '7', title: '督察发现问题整改率', points: 6, method: 'computed', indicator: 'inspections.rectification_rate', formula: 'points * value', standard: '整改到位的问题占比乘以分值；未被督察发现问题的不适用', evidence: '整改台账（系统自动统计）' },
  { code: '7.2', parent: '7', title: '政府信息公开申请按时答复率', points: 6, method: 'computed', indicator: 'foi.on_time_rate', formula: 'points * value', standard: '按时答复率乘以分值；无申请的不适用', evidence: '依申请公开台账（系统自动统计）' },
  { code: '8', title: '健全法治政府建设科技保障体系，全面建设数字法治政府' },
  { code: '8.1', parent: '8', title: '行政执法与政务服务信息化', points: 4, method: 'manual', standard: '使用统一的执法、政务服务平台，数据按时汇交', evidence: '平台使用情况' },
  { code: '9', title: '加强党的领导，完善法治政府建设推进机制' },
  { code: '9.1', parent: '9', title: '主要负责人述法', points: 5, method: 'manual', reportLine: true, standard: '按时提交述法报告并经评议；未提交的不得分', evidence: '述法报告' },
  { code: '9.2', parent: '9', title: '法治政府建设年度报告', points: 5, method: 'manual', standard: '按时报送并向社会公开年度报告', evidence: '年度报告及公开网页' },
  { code: '10', title: '加分项' },
  { code: '10.1', parent: '10', title: '法治建设创新与示范', points: 3, method: 'bonus', standard: '获评国家、省级法治政府建设示范项目或经验被推广的，每项加 1.5 分，最多 3 分', evidence: '表彰文件' },
  { code: '11', title: '扣分项' },
  { code: '11.1', parent: '11', title: '行政诉讼败诉', points: 5, method: 'deduction', indicator: 'litigation.lost', formula: '2 * value', standard: '每败诉一件扣 2 分，最多扣 5 分', evidence: '裁判文书（系统自动统计）' },
  { code: '11.2', parent: '11', title: '督察问题逾期未整改', points: 3, method: 'deduction', standard: '每一项逾期未整改扣 1 分，最多扣 3 分', evidence: '督办单' },
  { code: '12', title: '一票否决' },
  { code: '12.1', parent: '12', title: '发生重大违法行政行为被追责', points: 0, method: 'veto', standard: '年度内发生因违法行政被追究责任、造成恶劣社会影响的，考评等次为不合格', evidence: '追责文件' },
];
