// The codes of a disclosure request that the annual report's tables are keyed by (channels, reply
// types, applicant types, results), with their labels: plain data, no validation library, so that
// the portal can print the report's tables without loading the staff app's code.
export const DISCLOSURE_CHANNELS = { window: '当面', mail: '信函', online: '网上', fax: '传真' } as const;
export const REPLY_TYPES = { disclosed: '予以公开', partly: '部分公开', refused: '不予公开', not_exist: '信息不存在', not_ours: '非本机关', other: '其他' } as const;
export type ReplyType = keyof typeof REPLY_TYPES;
/** 申请人情况 as the annual disclosure report counts them (国办公开办函〔2021〕30号, table 3). */
export const APPLICANT_TYPES = { person: '自然人', business: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legal: '法律服务机构', other: '其他法人或组织' } as const;
/**
 * 办理结果 as table 3 of the 政府信息公开工作年度报告 counts them (国办公开办函〔2021〕30号), by the key
 * of its row; each belongs to one 答复类型 group (部分公开 counts only in its own row).
 */
export const OUTCOME_GROUPS = {
  disclosed: '（一）予以公开',
  partly: '（二）部分公开',
  refused: '（三）不予公开',
  unable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
} as const;
export const OUTCOME_REASONS = {
  disclosed: '予以公开',
  partly: '部分公开（区分处理的，只计这一情形，不计其他情形）',
  refused_1: '属于国家秘密',
  refused_2: '其他法律行政法规禁止公开',
  refused_3: '危及“三安全一稳定”',
  refused_4: '保护第三方合法权益',
  refused_5: '属于三类内部事务信息',
  refused_6: '属于四类过程性信息',
  refused_7: '属于行政执法案卷',
  refused_8: '属于行政查询事项',
  unable_1: '本机关不掌握相关政府信息',
  unable_2: '没有现成信息需要另行制作',
  unable_3: '补正后申请内容仍不明确',
  not_processed_1: '信访举报投诉类申请',
  not_processed_2: '重复申请',
  not_processed_3: '要求提供公开出版物',
  not_processed_4: '无正当理由大量反复申请',
  not_processed_5: '要求行政机关确认或重新出具已获取信息',
  other_1: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other_2: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other_3: '其他',
} as const;
export type OutcomeReason = keyof typeof OUTCOME_REASONS;
export const outcomeGroup = (reason: OutcomeReason): keyof typeof OUTCOME_GROUPS => reason.replace(/_\d$/, '') as keyof typeof OUTCOME_GROUPS;
/** Which 办理结果 each 答复类型 may have: 信息不存在 and 非本机关 are both 本机关不掌握 (or 需另行制作). */
export const REASONS_BY_REPLY: Record<ReplyType, readonly OutcomeReason[]> = {
  disclosed: ['disclosed'],
  partly: ['partly'],
  refused: ['refused_1', 'refused_2', 'refused_3', 'refused_4', 'refused_5', 'refused_6', 'refused_7', 'refused_8'],
  not_exist: ['unable_1', 'unable_2'],
  not_ours: ['unable_1'],
  other: ['unable_3', 'not_processed_1', 'not_processed_2', 'not_processed_3', 'not_processed_4', 'not_processed_5', 'other_3'],
};
/** The outcome labelled as the report prints it: "不予公开 · 属于国家秘密". */
export const outcomeLabel = (reason: OutcomeReason) => (reason === 'disclosed' || reason === 'partly' ? OUTCOME_REASONS[reason].replace(/（.*$/, '') : `${OUTCOME_GROUPS[outcomeGroup(reason)].replace(/^（.）/, '')} · ${OUTCOME_REASONS[reason]}`);
/** Labels for the form's select and the import: each reason under its group. */
export const OUTCOME_REASON_LABELS = Object.fromEntries(Object.keys(OUTCOME_REASONS).map((k) => [k, outcomeLabel(k as OutcomeReason)])) as Record<OutcomeReason, string>;
