// One version of a service item: its fields and limits, 更正 and 清单调整 (a new version from a date),
// the item's versions, its monthly case volumes (登记办件量) and its ratings by level (登记评价).
import { useState } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DetailPage } from '../../components/pages.tsx';
import { ListCard } from '../../components/ListCard.tsx';
import { CreateRecord, RecordForm } from '../../components/records.tsx';
import { get, post } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { RATING_LEVELS, SERVICE_CASE, SERVICE_ITEM, SERVICE_RATING, isBadLevel, type ServiceCaseView, type ServiceItemDetail } from '../../../shared/schemas/services.ts';
import { ITEM_PAGES, RATING_PAGES } from './pages.ts';
import { compression } from './ItemsPage.tsx';

const CORRECTABLE = ['name', 'kind', 'statutoryDays', 'promisedDays', 'maxOneVisit', 'online', 'zeroVisit', 'immediate', 'notifyCommit', 'listedFrom', 'listedUntil'] as const;
const REVISABLE = ['name', 'kind', 'statutoryDays', 'promisedDays', 'maxOneVisit', 'online', 'zeroVisit', 'immediate', 'notifyCommit', 'listedFrom'] as const;

/** 清单调整: the item as it is from a date on; the current version leaves the list that day. */
function Revise({ item, onSaved }: { item: ServiceItemDetail; onSaved: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const view = item as unknown as Record<string, unknown>;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>清单调整</Button>
      <RecordForm
        def={SERVICE_ITEM}
        open={open}
        title="清单调整：自列入日期起按新版本办理"
        submitText="调整"
        only={REVISABLE}
        initialValues={{ ...Object.fromEntries(REVISABLE.map((k) => [k, view[k] ?? undefined])), listedFrom: chinaDate() }}
        onClose={() => setOpen(false)}
        onSubmit={async (values) => {
          const created = await post<{ id: string }>(`/service-items/${item.id}/versions`, { ...values, version: item.version });
          onSaved(created.id);
        }}
      />
    </>
  );
}

function Cases({ item }: { item: ServiceItemDetail }) {
  const { can } = useAuth();
  const cases = useQuery({ queryKey: ['/service-cases', item.id], queryFn: () => get<{ items: ServiceCaseView[] }>(`/service-items/${item.id}/cases`) });
  const rows = cases.data?.items ?? [];
  const byYear = new Map<string, number>();
  for (const c of rows) byYear.set(c.month.slice(0, 4), (byYear.get(c.month.slice(0, 4)) ?? 0) + c.count);
  return (
    <Card
      size="small"
      title="办件量（按月）"
      style={{ marginBottom: 12 }}
      extra={
        can('services.manage') && item.status === 'listed' && (
          <CreateRecord<ServiceCaseView>
            def={SERVICE_CASE}
            api="/service-cases"
            title="登记办件量"
            submitText="登记"
            initialValues={{ itemId: item.id, month: chinaDate().slice(0, 7) }}
            references={{ itemId: [{ value: item.id, label: item.name }] }}
            to={() => `/service-items/${item.id}`}
          />
        )
      }
    >
      <Space size={24} wrap style={{ marginBottom: 8 }}>
        {[...byYear].map(([y, n]) => (
          <Statistic key={y} title={`${y}年`} value={n} suffix="件" />
        ))}
      </Space>
      <Table<ServiceCaseView> size="small" rowKey="id" loading={cases.isLoading} dataSource={rows} pagination={{ pageSize: 12, hideOnSinglePage: true }} columns={[{ title: '月份', dataIndex: 'month' }, { title: '办件量', dataIndex: 'count', align: 'right' }, { title: '外部编号', dataIndex: 'ref', render: (v) => v ?? '—' }]} />
    </Card>
  );
}

export default function ItemDetailPage() {
  const { can } = useAuth();
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <DetailPage<ServiceItemDetail>
      pages={ITEM_PAGES}
      tags={(i) => i.previousId && <Tag color="blue">清单调整后的版本</Tag>}
      edit={{ only: CORRECTABLE, title: '更正事项信息', may: (i) => can('services.manage') && i.status === 'listed' }}
      extra={(i) => [{ label: '时限压缩率', value: compression(i) }]}
    >
      {(item, refresh) => (
        <>
          <ListCard
            title="版本（清单调整记录）"
            style={{ marginBottom: 12 }}
            extra={can('services.manage') && item.status === 'listed' && !item.listedUntil && <Revise item={item} onSaved={(id) => { void client.invalidateQueries({ queryKey: ['/service-items'] }); refresh(); navigate(`/service-items/${id}`); }} />}
            rows={item.versions}
            columns={[
              { title: '列入清单', dataIndex: 'listedFrom' },
              { title: '移出清单', dataIndex: 'listedUntil', render: (v) => v ?? '在册' },
              { title: '事项名称', dataIndex: 'name', render: (v, r) => (r.current ? <b>{v}</b> : <Link to={`/service-items/${r.id}`}>{v}</Link>) },
              { title: '法定时限', dataIndex: 'statutoryDays', render: (v) => (v === null ? '—' : `${v} 个工作日`) },
              { title: '承诺时限', dataIndex: 'promisedDays', render: (v) => (v === null ? '—' : `${v} 个工作日`) },
            ]}
          />
          <Cases item={item} />
          <Card
            size="small"
            title="好差评"
            style={{ marginBottom: 12 }}
            extra={
              <Space>
                <Link to={`${RATING_PAGES.path}?itemId=${item.id}`}>查看评价及差评整改</Link>
                {can('services.manage') && item.status === 'listed' && (
                  <CreateRecord
                    def={SERVICE_RATING}
                    api="/service-ratings"
                    title="登记评价"
                    submitText="登记"
                    initialValues={{ itemId: item.id, receivedDate: chinaDate(), level: 'very_satisfied', channel: 'window', named: false }}
                    references={{ itemId: [{ value: item.id, label: item.name }] }}
                    to={(r) => `/service-ratings/${r.id}`}
                  />
                )}
              </Space>
            }
          >
            <Row gutter={16}>
              {item.ratings.map((r) => (
                <Col key={r.level} span={4}>
                  <Statistic title={RATING_LEVELS[r.level]} value={r.count} valueStyle={isBadLevel(r.level) && r.count > 0 ? { color: '#cf1322' } : undefined} />
                </Col>
              ))}
            </Row>
          </Card>
        </>
      )}
    </DetailPage>
  );
}
