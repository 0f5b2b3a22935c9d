// 编号规则: the law office sets how case and document numbers read, county-wide or for one unit,
// and sees the next number each rule will give. A unit's own rule starts its own series at 1.
import { useMemo, useState } from 'react';
import { App, Button, Drawer, Form, Input, Space, TreeSelect, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, put } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { zodRule } from '../../components/zodRule.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { casePattern, type PatternView } from '../../../shared/schemas/numbering.ts';
import { ListCard, ListTable } from '../../components/ListCard.tsx';

const PLACEHOLDERS = '可用：{county} 县（区）名，{unit} 单位简称，{year} 年度，{n} 序号，{n3} 三位序号（补零）';

type Editing = { type: PatternView; unitId: string | null; pattern: string };

export default function CaseNumberPatternsPage() {
  const { can, canSetShared } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const patterns = useQuery({ queryKey: ['case-number-patterns'], queryFn: () => get<{ items: PatternView[] }>('/case-number-patterns').then((r) => r.items) });
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const manage = can('case_number.manage');

  const open = (e: Editing) => {
    setError(null);
    setEditing(e);
    form.setFieldsValue({ unitId: e.unitId ?? undefined, pattern: e.pattern });
  };
  const save = async (pattern: string | null) => {
    if (!editing) return;
    const values = pattern === null ? form.getFieldsValue() : await form.validateFields();
    try {
      // The county-wide rule: the platform's, or in a province the reader's county's (set on its unit).
      await put(`/case-number-patterns/${editing.type.recordType}`, { unitId: values.unitId ?? (editing.unitId === null ? editing.type.countyUnitId : null), pattern: pattern === null ? null : values.pattern });
      message.success(pattern === null ? '已删除单位编号规则' : '已保存编号规则');
      setEditing(null);
      client.invalidateQueries({ queryKey: ['case-number-patterns'] });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <ListCard<PatternView> title="编号规则（案号、文号）"
      rowKey="recordType"
      loading={patterns.isLoading}
      rows={patterns.data}
      error={patterns.error}
      scroll={{ x: 'max-content' }}
      expandable={{
        rowExpandable: (p) => p.units.length > 0,
        expandedRowRender: (p) => (
          <ListTable
            rowKey="unitId"
            rows={p.units}
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              { title: '单位编号规则', dataIndex: 'pattern' },
              { title: '下一个号', dataIndex: 'next' },
              { title: '', key: 'edit', width: 80, render: (_, u) => manage && <Button size="small" type="link" onClick={() => open({ type: p, unitId: u.unitId, pattern: u.pattern })}>修改</Button> },
            ]}
          />
        ),
      }}
      columns={[
        { title: '记录', dataIndex: 'title', width: 160 },
        { title: '编号', dataIndex: 'label', width: 120 },
        { title: '编号时机', dataIndex: 'assignedAt', width: 140 },
        { title: '全县编号规则', dataIndex: 'pattern', render: (pattern: string, p) => <Space size={4}>{pattern}{pattern === p.defaultPattern && <Typography.Text type="secondary">（默认）</Typography.Text>}</Space> },
        { title: '下一个号', dataIndex: 'next', width: 240 },
        { title: '单位自定', key: 'units', width: 90, render: (_, p) => (p.units.length ? `${p.units.length} 个单位` : '—') },
        {
          title: '操作',
          key: 'actions',
          fixed: 'right',
          width: 190,
          render: (_, p) =>
            manage && (
              <Space size={0}>
                {(canSetShared('case_number.manage') || p.countyUnitId) && <Button size="small" type="link" onClick={() => open({ type: p, unitId: null, pattern: p.pattern })}>修改全县规则</Button>}
                <Button size="small" type="link" onClick={() => open({ type: p, unitId: '', pattern: p.pattern })}>单位自定</Button>
              </Space>
            ),
        },
      ]}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{PLACEHOLDERS}</Typography.Paragraph>
      <Drawer
        open={!!editing}
        title={editing ? `${editing.type.label}编号规则${editing.unitId === null ? '（全县）' : '（单位自定）'}` : ''}
        width={480}
        onClose={() => setEditing(null)}
        destroyOnHidden
        extra={
          <Space>
            {editing?.unitId && editing.type.units.some((u) => u.unitId === editing.unitId) && <Button danger onClick={() => save(null)}>删除单位规则</Button>}
            <Button type="primary" onClick={() => save(form.getFieldValue('pattern'))}>保存</Button>
          </Space>
        }
      >
        {error ? <ErrorNotice error={error} /> : null}
        <Form form={form} layout="vertical" onFinish={() => save(form.getFieldValue('pattern'))}>
          {editing?.unitId !== null && (
            <Form.Item name="unitId" label="适用单位" rules={[{ required: true, message: '请选择适用单位' }]}>
              <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" placeholder="选择单位" disabled={!!editing?.unitId} />
            </Form.Item>
          )}
          <Form.Item name="pattern" label="编号规则" rules={[zodRule(casePattern)]} extra={PLACEHOLDERS}>
            <Input autoFocus placeholder="如 {county}政复〔{year}〕{n}号" />
          </Form.Item>
          <Typography.Paragraph type="secondary">编号按年度从 1 起连续编号，不重号、不跳号；单位自定规则或含 {'{unit}'} 的规则按单位分别编号。修改规则后，新的规则从 1 起编号，已编的号不变。</Typography.Paragraph>
        </Form>
      </Drawer>
    </ListCard>
  );
}
