// 四张清单与分类检查事项目录: every body's items with their legal basis, filtered by list and body;
// registration, correction, and repeal (an item leaves the list from that day; last year's list keeps it).
import { useState } from 'react';
import { App, Card, DatePicker, Modal, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { post } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { CreateRecord, EditRecord, RecordLedger } from '../../components/records.tsx';
import { useAuth } from '../../auth.tsx';
import { LIST_ITEM, type ListItemView } from '../../../shared/schemas/enforcement.ts';
import { useBodyChoices } from './shared.tsx';

export default function ListsPage() {
  const { can } = useAuth();
  const choices = (useBodyChoices().data ?? []).map((b) => ({ value: b.value, label: b.label }));
  return (
    <Card
      size="small"
      title="四张清单与检查事项"
      extra={can('enforcement.register') && (
        <CreateRecord<ListItemView> def={LIST_ITEM} api="/enforcement-list-items" title="登记清单事项" submitText="登记" initialValues={{ bodyId: choices.length === 1 ? choices[0]!.value : undefined }} references={{ bodyId: choices }} to={() => '/enforcement/lists'} />
      )}
    >
      <ListItems bodies={choices} />
    </Card>
  );
}

/** The items' ledger (all bodies', or one body's with `bodyId`), with 废止 for those who register them. */
export function ListItems({ bodies, bodyId }: { bodies?: { value: string; label: string }[]; bodyId?: string }) {
  const { can } = useAuth();
  const [repealing, setRepealing] = useState<ListItemView | null>(null);
  return (
    <>
      <RecordLedger<ListItemView>
        def={LIST_ITEM}
        url="/enforcement-list-items"
        measure="项"
        exportName="四张清单与检查事项.xlsx"
        params={bodyId ? { bodyId } : undefined}
        trailing={[
          {
            key: 'current',
            title: '状态',
            width: 160,
            render: (_, i) =>
              i.current ? (
                <Space size={6}>
                  <Tag color="green">现行有效</Tag>
                  {can('enforcement.register') && <EditRecord def={LIST_ITEM} record={i} api="/enforcement-list-items" only={['list', 'title', 'basis', 'conditions', 'publishedDate']} title="更正清单事项" />}
                  {can('enforcement.register') && <a onClick={() => setRepealing(i)}>废止</a>}
                </Space>
              ) : (
                <Tag>已废止</Tag>
              ),
          },
        ]}
        extraFilters={[
          { name: 'current', label: '现行有效', options: { true: '现行有效', false: '已废止' } },
          ...(bodies && !bodyId ? [{ name: 'bodyId', label: '执法主体', options: Object.fromEntries(bodies.map((b) => [b.value, b.label])) }] : []),
        ]}
      />
      <Repeal item={repealing} onClose={() => setRepealing(null)} />
    </>
  );
}

function Repeal({ item, onClose }: { item: ListItemView | null; onClose(): void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const submit = async () => {
    try {
      await post(`/enforcement-list-items/${item!.id}/repeal`, { version: item!.version, date: date?.format('YYYY-MM-DD') });
      message.success('已废止');
      onClose();
      void client.invalidateQueries({ queryKey: ['/enforcement-list-items'] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open={!!item} title={`废止：${item?.title ?? ''}`} onCancel={onClose} onOk={submit} okText="废止" okButtonProps={{ danger: true, disabled: !date }}>
      <DatePicker aria-label="废止日期" value={date} onChange={setDate} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
    </Modal>
  );
}
