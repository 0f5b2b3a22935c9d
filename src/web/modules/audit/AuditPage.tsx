import { useState } from 'react';
import { App, Button, Card, DatePicker, Input, Popover, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { get, post, query } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { ExportButton } from '../../components/ledger.tsx';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditRow } from '../../../shared/schemas/audit.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { chinaTime } from '../../../shared/records.ts';

const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };

/** Who acted: a person's roles, or 系统 for the platform's own jobs and commands. */
const roleNames = (roles: string) => roles.split(',').filter(Boolean).map((r) => ROLES[r as Role] ?? (r === 'system' ? '系统' : r)).join('、');

export default function AuditPage() {
  const [filters, setFilters] = useState<Record<string, string | number | undefined>>({ page: 1, pageSize: 50 });
  const { message, modal } = App.useApp();
  const list = useQuery({ queryKey: ['audit', filters], queryFn: () => get<{ items: AuditRow[]; total: number }>(`/audit${query(filters)}`) });
  const set = (patch: Record<string, string | number | undefined>) => setFilters({ ...filters, ...patch, page: patch.page ?? 1 });
  const verify = async () => {
    try {
      const r = await post<{ ok: boolean; rows: number; reason?: string; headSeq?: number }>('/audit/verify');
      if (r.ok) modal.success({ title: '审计日志完整', content: `共 ${r.rows} 条记录，哈希链校验通过（最新第 ${r.headSeq} 条）。` });
      else modal.error({ title: '审计日志校验未通过', content: r.reason });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card size="small" title="审计日志" extra={
        <Space wrap>
          <ExportButton url="/audit/export" filters={filters} filename="审计日志.xlsx" />
          <Button size="small" icon={<SafetyCertificateOutlined />} onClick={verify}>校验完整性</Button>
        </Space>
      }>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          onChange={(r: [Dayjs | null, Dayjs | null] | null) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
        <Input.Search placeholder="操作人" allowClear style={{ width: 170 }} onSearch={(actor) => set({ actor })} />
        <Select style={{ width: 170 }} allowClear showSearch placeholder="操作" optionFilterProp="label" options={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))} onChange={(action) => set({ action })} />
        <Select style={{ width: 100 }} allowClear placeholder="结果" options={Object.entries(AUDIT_OUTCOMES).map(([value, label]) => ({ value, label }))} onChange={(outcome) => set({ outcome })} />
        <Input.Search placeholder="IP 地址" allowClear style={{ width: 150 }} onSearch={(ip) => set({ ip })} />
      </Space>
      <Table<AuditRow>
        rowKey="seq"
        size="small"
        // Ten columns are wider than the card beside the menu: the table scrolls inside it, 结果 and 详情 included.
        scroll={{ x: 1340 }}
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: Number(filters.page), pageSize: Number(filters.pageSize), total: list.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }) }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80, fixed: 'left' as const },
          // Beijing time, as the export writes it, whatever the administrator's computer is set to.
          { title: '时间（北京时间）', dataIndex: 'at', width: 170, render: (v: string) => chinaTime(v) },
          { title: '操作人', dataIndex: 'actorName', width: 140 },
          { title: '角色', dataIndex: 'actorRoles', width: 130, render: roleNames },
          { title: '单位', dataIndex: 'unitName', width: 160, ellipsis: true },
          { title: 'IP', dataIndex: 'ip', width: 120 },
          // The action's code and the target's id stay on hover, for tracing an entry in the database.
          { title: '操作', dataIndex: 'action', width: 140, render: (v: string) => <Tooltip title={v}>{AUDIT_ACTIONS[v] ?? v}</Tooltip> },
          { title: '对象', width: 260, ellipsis: true, render: (_: unknown, r: AuditRow) => (r.targetType ? <Tooltip title={r.targetId}>{[r.targetLabel ?? '其他', r.targetName].filter(Boolean).join(' · ')}</Tooltip> : '—') },
          { title: '结果', dataIndex: 'outcome', width: 70, render: (v: string) => <Tag color={OUTCOME_COLORS[v]}>{AUDIT_OUTCOMES[v] ?? v}</Tag> },
          // The entry's recorded data as it was written (field names and values for tracing), on demand.
          { title: '详情', dataIndex: 'detail', width: 70, render: (v: unknown) => (v ? <Popover trigger="click" content={<Typography.Text code style={{ fontSize: 12, whiteSpace: 'pre-wrap', display: 'block', maxWidth: 480, maxHeight: 320, overflow: 'auto' }}>{JSON.stringify(v, null, 2)}</Typography.Text>}><a>查看</a></Popover> : '') },
        ]}
      />
    </Card>
  );
}
