// 行政应诉: the cases ledger with the defence deadline (红黄牌) and head appearances, and the intake
// drawer, both from the record definition.
import { Link } from 'react-router-dom';
import { LedgerPage, pageOf } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { CASE_RESULTS, type LitigationCaseView } from '../../../shared/schemas/litigation.ts';
import { LITIGATION_PAGES } from './pages.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function LitigationCasesPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<LitigationCaseView>
      pages={LITIGATION_PAGES}
      create={can('litigation.manage') && { title: '登记应诉案件', submitText: '登记', initialValues: { unitId: me?.unit.id, filedDate: chinaDate(), complaintReceivedDate: chinaDate() } }}
      exportName="行政应诉案件.xlsx"
      leading={[{ key: 'title', title: '案件', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 260, render: (t: string, c) => <Link to={pageOf(LITIGATION_PAGES, c)}>{t}</Link> }]}
      trailing={[
        { key: 'defence', title: <RuleLabel label="答辩期限" rules={['litigation.defence']} />, width: 190, render: (_, c) => (c.light ? <DueTag due={c.defenceDue!} light={c.light} /> : c.defenceDate ? `已答辩 ${c.defenceDate}` : '—') },
        { key: 'heads', title: '负责人出庭', width: 100, render: (_, c) => (c.hearings ? `${c.headAppearances}/${c.hearings}` : '—') },
      ]}
      extraFilters={[{ name: 'result', label: '结果', options: CASE_RESULTS }]}
    />
  );
}
