// 考评方案: the ledger of the years' schemes (the law office builds them; every unit reads the published ones).
import { LedgerPage } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { type SchemeView } from '../../../shared/schemas/assessment.ts';
import { SCHEME_PAGES } from './pages.ts';

export default function SchemesPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<SchemeView & Record<string, unknown>>
      pages={SCHEME_PAGES}
      title="法治政府建设考评方案"
      create={can('assessment.manage') && { button: '编制考评方案', title: '编制考评方案', submitText: '创建', initialValues: { unitId: me?.unit.id, year: new Date().getFullYear(), fullPoints: 100, categoryWeights: '部门:0.03;乡镇:0.04', gradeBands: '优秀:90;良好:80;合格:60' } }}
      link="title"
      trailing={[{ key: 'due', title: '异议期至', width: 150, render: (_: unknown, s: SchemeView) => (s.due ? <DueTag due={s.due} light={s.light} /> : '—') }]}
    />
  );
}
