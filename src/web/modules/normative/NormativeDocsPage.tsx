// 规范性文件: the library and drafts in the user's scope (filters, keyword over titles and numbers,
// the filing deadline's light) and the drafting drawer, both from the record definition.
import { LedgerPage } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import type { NormativeDocView } from '../../../shared/schemas/normative.ts';
import { NORMDOC_PAGES } from './pages.ts';

export default function NormativeDocsPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<NormativeDocView>
      pages={NORMDOC_PAGES}
      title="行政规范性文件"
      create={can('normdoc.draft') && { title: '起草规范性文件', submitText: '保存草稿', initialValues: { unitId: me?.unit.id } }}
      exportName="规范性文件台账.xlsx"
      link="title"
      trailing={[
        { key: 'filing', title: '报政府备案', width: 170, render: (_, d) => (d.light ? <DueTag due={d.filingDue!} light={d.light} /> : d.filedDate ? `已备案 ${d.filedDate}` : '—') },
        { key: 'filingCongress', title: '报人大备案', width: 170, render: (_, d) => (d.congressLight ? <DueTag due={d.congressFilingDue!} light={d.congressLight} /> : d.congressFiledDate ? `已备案 ${d.congressFiledDate}` : '—') },
      ]}
    />
  );
}
