// 规范性文件清理: the campaigns (全面/专项) with their deadline's light and how many documents each
// selected and flagged; the law office starts one from the definition's drawer.
import { LedgerPage } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import type { CleanupView } from '../../../shared/schemas/normative.ts';
import { CLEANUP_PAGES } from './pages.ts';

export default function CleanupsPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<CleanupView>
      pages={CLEANUP_PAGES}
      create={can('normdoc.cleanup') && { title: '启动清理', submitText: '启动', initialValues: { unitId: me?.unit.id, kind: 'full', issuedBefore: chinaDate() } }}
      link="title"
      trailing={[
        { key: 'items', title: '选入 / 待定 / 修改废止', width: 150, render: (_, c) => `${c.itemCount} / ${c.pendingItems} / ${c.flaggedItems}` },
        { key: 'due', title: '完成期限', width: 170, render: (_, c) => (c.light ? <DueTag due={c.due!} light={c.light} fixed /> : c.finishedDate ? `已完成 ${c.finishedDate}` : '—') },
      ]}
    />
  );
}
