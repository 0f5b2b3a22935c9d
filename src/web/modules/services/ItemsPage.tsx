// 事项清单: every version of every item in the user's scope, filtered by unit, kind, flags and status
// (在册 / 已移出清单), with the limits and how far the promised one compresses the statutory one.
import { LedgerPage } from '../../components/pages.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import type { ServiceItemView } from '../../../shared/schemas/services.ts';
import { ITEM_PAGES } from './pages.ts';

/** 压缩率 of one item: 1 − promised / statutory, when both are set. */
export const compression = (i: { statutoryDays: number | null; promisedDays: number | null }) =>
  i.statutoryDays && i.promisedDays !== null ? `${Math.round((1 - i.promisedDays / i.statutoryDays) * 100)}%` : '—';

export default function ItemsPage() {
  const { can } = useAuth();
  return (
    <LedgerPage<ServiceItemView>
      pages={ITEM_PAGES}
      create={can('services.manage') && { button: '列入事项', title: '列入政务服务事项清单', submitText: '列入', initialValues: { kind: 'licence', listedFrom: chinaDate(), maxOneVisit: true, online: true } }}
      link="name"
      trailing={[
        { key: 'compression', title: '时限压缩', width: 80, render: (_, i) => compression(i) },
      ]}
    />
  );
}
