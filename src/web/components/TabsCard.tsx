// A card of tabs whose current tab is kept in the address (`?tab=`, none for the first), so that Back
// and a shared link return to the tab that was open.
import type { ReactNode } from 'react';
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';

export function TabsCard({ title, extra, items, children }: { title: ReactNode; extra?: ReactNode; items: { key: string; label: ReactNode; children: ReactNode }[]; children?: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const first = items[0]!.key;
  return (
    <Card size="small" title={title} extra={extra}>
      <Tabs activeKey={params.get('tab') ?? first} onChange={(key) => setParams(key === first ? {} : { tab: key })} items={items} />
      {children}
    </Card>
  );
}
