// 好差评与差评整改: the 差评 follow-ups first (status colours, the 整改期限 light: 红黄牌), or every
// rating; a link from an item's page shows that item's ratings.
import { useState } from 'react';
import { Tabs, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { LedgerPage } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import type { ServiceRatingView } from '../../../shared/schemas/services.ts';
import { RATING_PAGES } from './pages.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function RatingsPage() {
  const [search] = useSearchParams();
  const itemId = search.get('itemId') ?? '';
  const [tab, setTab] = useState(itemId ? 'all' : 'bad');
  const params: Record<string, string> = { ...(tab === 'bad' ? { bad: 'true' } : {}), ...(itemId ? { itemId } : {}) };
  return (
    <LedgerPage<ServiceRatingView>
      key={tab}
      pages={RATING_PAGES}
      title={itemId ? '事项的好差评' : undefined}
      link="itemId"
      params={params}
      toolbar={
        <Tabs
          size="small"
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'bad', label: '差评整改' },
            { key: 'all', label: '全部评价' },
          ]}
        />
      }
      trailing={[
        { key: 'due', title: <RuleLabel label="整改期限" rules={['services.bad_rating_fix']} />, width: 200, render: (_, r) => (!r.bad ? '—' : r.light ? <DueTag due={r.due!} light={r.light} /> : r.due ? <Tag>{r.due}</Tag> : '—') },
      ]}
    >
      {itemId && <Link to={`/service-items/${itemId}`}>返回事项</Link>}
    </LedgerPage>
  );
}
