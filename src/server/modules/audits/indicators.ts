// Figures of audits (domain.md §4): projects reported in Y [report date], their findings and the
// amounts those findings involve (in fen), and how many of them are verified as rectified.
import { sql } from 'kysely';
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { AUDIT_FINDING_RECORD_TYPE, AUDIT_PROJECT_RECORD_TYPE } from '../../../shared/schemas/audits.ts';

const projectsIn: RecordSource = (db, y) => db.selectFrom('audit_projects').select(['id', 'title', 'unit_id', 'date']).where('date', '>=', `${y}-01-01`).where('date', '<=', `${y}-12-31`);
const findingsIn: RecordSource = (db, y) => db.selectFrom('audit_findings').select(['id', 'description as title', 'unit_id', 'found_date as date']).where('found_date', '>=', `${y}-01-01`).where('found_date', '<=', `${y}-12-31`);
const findings = { recordType: AUDIT_FINDING_RECORD_TYPE, linkPrefix: '/audit-findings/' };

export const auditIndicators: IndicatorDef[] = [
  { code: 'audit.projects', name: '审计项目', measure: '个', kind: 'count', definition: '年内出具审计报告的审计项目（按审计报告日期）', recordType: AUDIT_PROJECT_RECORD_TYPE, linkPrefix: '/audits/', records: projectsIn },
  { code: 'audit.findings', name: '审计发现问题', measure: '个', kind: 'count', definition: '年内出具报告的审计项目发现的问题', ...findings, records: findingsIn },
  {
    code: 'audit.amount_fen',
    name: '审计发现问题涉及金额',
    measure: '分',
    kind: 'sum',
    scale: 1,
    definition: '年内审计发现问题涉及的金额合计',
    ...findings,
    records: (db, y) => db.selectFrom('audit_findings').select(['id', 'description as title', 'unit_id', 'found_date as date', sql<number>`coalesce(amount_fen, 0)`.as('amount')]).where('found_date', '>=', `${y}-01-01`).where('found_date', '<=', `${y}-12-31`),
  },
  { code: 'audit.rectified', name: '审计问题已整改销号', measure: '个', kind: 'count', definition: '年内审计发现问题中已整改并经核查销号的', ...findings, records: (db, y) => findingsIn(db, y).where('status', '=', 'verified') },
  { code: 'audit.rectification_rate', better: 'up', name: '审计问题整改率', measure: '%', kind: 'rate', definition: '已整改销号 / 审计发现问题', numerator: 'audit.rectified', denominator: 'audit.findings' },
];
