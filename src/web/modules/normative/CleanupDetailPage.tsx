// One cleanup campaign: its fields, the documents it selected with each one's result and reason
// (the law office selects documents within the scope and decides each), then the workflow panel
// (the deadline clock, 完成清理并公布结果, the timeline). The statuses follow when it finishes.
import { useState } from 'react';
import { App, Button, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { get, post, put } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { DetailPage } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { CLEANUP_RESULTS, type CleanupDetail, type CleanupItemView } from '../../../shared/schemas/normative.ts';

import { CLEANUP_PAGES } from './pages.ts';
import { ListCard } from '../../components/ListCard.tsx';

const RESULT_COLOR: Record<string, string> = { keep: 'green', amend: 'gold', repeal: 'red', expire: 'default' };
type Result = keyof typeof CLEANUP_RESULTS;

export default function CleanupDetailPage() {
  return (
    <DetailPage<CleanupDetail>
      pages={CLEANUP_PAGES}
      extra={(c) => [
        { label: '期限状态', value: c.light ? <DueTag due={c.due!} light={c.light} fixed /> : c.finishedDate ? `已于 ${c.finishedDate} 完成` : '—' },
        { label: '清理文件', value: `选入 ${c.itemCount} 件，待提出意见 ${c.pendingItems} 件，修改、废止或宣布失效 ${c.flaggedItems} 件` },
      ]}
    >
      {(c, refresh) => <Items cleanup={c} refresh={refresh} />}
    </DetailPage>
  );
}

function Items({ cleanup: c, refresh }: { cleanup: CleanupDetail; refresh: () => void }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<{ item: CleanupItemView; result: Result; reason: string } | null>(null);
  const [picking, setPicking] = useState<{ options: { value: string; label: string }[]; chosen: string[] } | null>(null);
  const acting = can('normdoc.cleanup') && c.status === 'open';
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      refresh();
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
  const openPicker = async () => {
    try {
      const { items } = await get<{ items: { id: string; title: string; docNumber: string | null; issuedDate: string }[] }>(`/normdoc-cleanups/${c.id}/selectable`);
      setPicking({ options: items.map((d) => ({ value: d.id, label: `${d.title}${d.docNumber ? `（${d.docNumber}）` : ''}` })), chosen: [] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <ListCard<CleanupItemView>
      title={`清理文件（${c.items.length} 件）`}
      style={{ marginBottom: 12 }}
      extra={acting && <Button size="small" icon={<PlusOutlined />} onClick={openPicker}>选入文件</Button>}
      rows={c.items}
      empty={c.status === 'open' ? '尚未选入文件：请选入清理范围内的现行有效文件' : '没有清理文件'}
      columns={[
        { title: '文件名称', render: (_, i) => <Link to={`/normative-docs/${i.docId}`}>{i.docTitle}</Link> },
        { title: '文号', dataIndex: 'docNumber', width: 180, render: (v) => v ?? '—' },
        { title: '起草单位', dataIndex: 'unitName', width: 140 },
        { title: '当前状态', dataIndex: 'docStatusLabel', width: 100 },
        { title: '清理结果', width: 100, render: (_, i) => (i.result ? <Tag color={RESULT_COLOR[i.result]}>{CLEANUP_RESULTS[i.result]}</Tag> : <Typography.Text type="secondary">待定</Typography.Text>) },
        { title: '理由', dataIndex: 'reason', render: (v) => v ?? '—' },
        ...(acting ? [{ title: '', width: 90, render: (_: unknown, i: CleanupItemView) => <a onClick={() => setDeciding({ item: i, result: i.result ?? 'keep', reason: i.reason ?? '' })}>提出意见</a> }] : []),
      ]}
    >
      <Modal
        open={!!deciding}
        title={deciding && `清理意见：${deciding.item.docTitle}`}
        okText="保存"
        onCancel={() => setDeciding(null)}
        onOk={async () => {
          if (deciding && (await run(() => put(`/normdoc-cleanups/${c.id}/items/${deciding.item.id}`, { version: c.version, result: deciding.result, reason: deciding.reason.trim() || null }), '已保存清理意见'))) setDeciding(null);
        }}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select<Result> aria-label="清理结果" style={{ width: 200 }} value={deciding?.result} onChange={(result) => deciding && setDeciding({ ...deciding, result })} options={Object.entries(CLEANUP_RESULTS).map(([value, label]) => ({ value: value as Result, label }))} />
          <Input.TextArea aria-label="理由" rows={3} maxLength={1000} value={deciding?.reason} onChange={(e) => deciding && setDeciding({ ...deciding, reason: e.target.value })} placeholder={deciding?.result === 'keep' ? '理由（可不填）' : '理由（必填），如：上位法已修订，第五条与《…》不一致'} />
        </Space>
      </Modal>
      <Modal
        open={!!picking}
        title="选入清理范围内的文件"
        okText="选入"
        okButtonProps={{ disabled: !picking?.chosen.length }}
        onCancel={() => setPicking(null)}
        onOk={async () => {
          if (picking && (await run(() => post(`/normdoc-cleanups/${c.id}/items`, { version: c.version, docIds: picking.chosen }), `已选入 ${picking.chosen.length} 件`))) setPicking(null);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">范围：{c.unitName}及下级单位起草、{c.issuedBefore}及以前公布的现行有效文件。</Typography.Paragraph>
        <Select mode="multiple" aria-label="规范性文件" style={{ width: '100%' }} optionFilterProp="label" value={picking?.chosen} onChange={(chosen) => picking && setPicking({ ...picking, chosen })} options={picking?.options} notFoundContent="范围内的文件都已选入" />
      </Modal>
    </ListCard>
  );
}
