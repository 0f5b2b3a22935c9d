// 问题池: every unit's open problems from every source, summarised by unit.
import { useState } from 'react';
import { App, Col, Input, Modal, Row, Segmented, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { post } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { useAuth } from '../../auth.tsx';
import { get, query } from '../../api.ts';
import { PROBLEM_SEVERITIES, type ProblemUnitSummary, type ProblemView } from '../../../shared/schemas/problems.ts';
import { ListCard } from '../../components/ListCard.tsx';
import { linkedTitle } from '../../components/columns.tsx';

export default function ProblemsPage() {
  const [unitId, setUnitId] = useState<string | undefined>();
  const [status, setStatus] = useState<string>('open');
  const [page, setPage] = useState(1);
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [closing, setClosing] = useState<ProblemView | null>(null);
  const [note, setNote] = useState('');
  const close = async () => {
    try {
      await post(`/problems/${closing!.id}/close`, { note });
      message.success('已销号');
      setClosing(null);
      setNote('');
      client.invalidateQueries({ queryKey: ['problems'] });
      client.invalidateQueries({ queryKey: ['problems-by-unit'] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const summary = useQuery({ queryKey: ['problems-by-unit'], queryFn: () => get<{ items: ProblemUnitSummary[] }>('/problems/by-unit') });
  const list = useQuery({ queryKey: ['problems', unitId, status, page], queryFn: () => get<{ items: ProblemView[]; total: number }>(`/problems${query({ unitId, status: status === 'all' ? undefined : status, page, pageSize: 30 })}`) });
  return (
    // Side by side on a wide screen, one above the other on a narrow one.
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={8}>
        <ListCard<ProblemUnitSummary> title="按单位"
          rowKey="unitId"
          loading={summary.isLoading}
          rows={summary.data?.items}
          onRow={(r) => ({ onClick: () => { setUnitId(r.unitId === unitId ? undefined : r.unitId); setPage(1); }, style: { cursor: 'pointer', background: r.unitId === unitId ? '#fff1f0' : undefined } })}
          columns={[
            { title: '单位', dataIndex: 'unitName', ellipsis: true },
            { title: '未整改', dataIndex: 'open', width: 70, align: 'right', render: (n: number) => (n ? <b style={{ color: '#cf1322' }}>{n}</b> : 0) },
            { title: '其中重大', dataIndex: 'major', width: 70, align: 'right', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
            { title: '已整改', dataIndex: 'closed', width: 70, align: 'right' },
          ]}
        />
      </Col>
      <Col xs={24} xl={16}>
        <ListCard<ProblemView> title="问题池" extra={<Segmented size="small" value={status} onChange={(v) => { setStatus(String(v)); setPage(1); }} options={[{ value: 'open', label: '未整改' }, { value: 'closed', label: '已整改' }, { value: 'all', label: '全部' }]} />}
          loading={list.isLoading}
          rows={list.data?.items}
          pagination={{ current: page, pageSize: 30, total: list.data?.total, onChange: setPage, showTotal: (t) => `共 ${t} 个` }}
          scroll={{ x: 760 }}
          columns={[
            linkedTitle('问题'),
            // A long source (规范性文件逾期备案) is cut inside its column, not drawn over the unit's name.
            { title: '来源', dataIndex: 'sourceLabel', width: 120, render: (s: string) => <Tag title={s} style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}>{s}</Tag> },
            { title: '单位', dataIndex: 'unitName', width: 140, ellipsis: true },
            { title: '程度', dataIndex: 'severity', width: 70, render: (s: 'general' | 'major') => <Tag color={s === 'major' ? 'red' : undefined}>{PROBLEM_SEVERITIES[s]}</Tag> },
            { title: '发现日期', dataIndex: 'openedOn', width: 100 },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: string, p) => (s === 'open' ? <Tag color="red">未整改</Tag> : <Tag color="green" title={p.closeNote ?? undefined}>已整改 {p.closedOn}</Tag>) },
            ...(can('problem.manage') ? [{ title: '', width: 50, render: (_: unknown, p: ProblemView) => p.closableByHand && <a onClick={() => setClosing(p)}>销号</a> }] : []),
          ]}
        >
          <Modal open={!!closing} title={`销号：${closing?.title ?? ''}`} onCancel={() => setClosing(null)} onOk={close} okText="销号" okButtonProps={{ disabled: !note.trim() }} destroyOnHidden>
            <Input.TextArea rows={3} placeholder="整改情况及核实结论" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          </Modal>
        </ListCard>
      </Col>
    </Row>
  );
}
