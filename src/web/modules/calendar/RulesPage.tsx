// Statutory deadline rules: the law office edits a period or adds a rule; every change is audited and
// recomputes the open clocks that use the rule.
import { useState } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { post, put } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { useRules } from '../../components/rules.ts';
import { PERIOD_UNITS, PERIOD_UNIT_LABELS, createRuleInput, type DeadlineRuleView } from '../../../shared/schemas/calendar.ts';
import { ListCard } from '../../components/ListCard.tsx';

export default function RulesPage() {
  const { canSetShared } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const rules = useRules();
  const [editing, setEditing] = useState<DeadlineRuleView | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [keyword, setKeyword] = useState('');
  const [form] = Form.useForm();
  const manage = canSetShared('deadline_rule.manage');

  const open = (rule: DeadlineRuleView | 'new') => {
    setError(null);
    setEditing(rule);
    form.setFieldsValue(rule === 'new' ? { unit: 'working_days', warnDays: 3, minimum: false, code: '', name: '', citation: '', note: '', period: undefined, extension: undefined } : { ...rule });
  };
  const save = async () => {
    const values = await form.validateFields();
    const body = { name: values.name, period: values.period, unit: values.unit, extension: values.extension ?? null, citation: values.citation, note: values.note || null, minimum: !!values.minimum, warnDays: values.warnDays };
    try {
      if (editing === 'new') await post('/deadline-rules', { code: values.code, ...body });
      else {
        const r = await put<{ clocksRecomputed: number }>(`/deadline-rules/${editing!.code}`, { ...body, version: editing!.version });
        message.info(`重新计算了 ${r.clocksRecomputed} 个使用该规则的未结期限`);
      }
      message.success('已保存');
      setEditing(null);
      client.invalidateQueries({ queryKey: ['deadline-rules'] });
    } catch (e) {
      setError(e);
    }
  };

  const items = (rules.data ?? []).filter((r) => !keyword || r.code.includes(keyword) || r.name.includes(keyword) || r.citation.includes(keyword));
  return (
    <ListCard<DeadlineRuleView> title="法定期限规则" extra={<Space><Input.Search size="small" allowClear placeholder="编码、名称或依据" onSearch={setKeyword} style={{ width: 200 }} />{manage && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>新增规则</Button>}</Space>}
      rowKey="code"
      loading={rules.isLoading}
      rows={items}
      onRow={(r) => ({ onDoubleClick: () => manage && open(r) })}
      columns={[
        // The rule's name; its code (what the API and imports use) only in a tooltip for those who manage rules.
        { title: '名称', dataIndex: 'name', width: 240, render: (name: string, r) => (manage ? <Tooltip title={`规则编码：${r.code}`}>{name}</Tooltip> : name) },
        { title: '期限', width: 150, render: (_, r) => `${r.minimum ? '不少于 ' : ''}${r.period}${PERIOD_UNITS[r.unit]}${r.extension ? `（可延长 ${r.extension}）` : ''}` },
        { title: '黄牌提前', dataIndex: 'warnDays', width: 80, render: (v: number) => `${v} 个工作日` },
        { title: '法律依据', dataIndex: 'citation', ellipsis: true },
        { title: '来源', dataIndex: 'builtin', width: 70, render: (b: boolean) => (b ? <Tag>内置</Tag> : <Tag color="blue">自定义</Tag>) },
        ...(manage ? [{ title: '', width: 50, render: (_: unknown, r: DeadlineRuleView) => <a onClick={() => open(r)}>编辑</a> }] : []),
      ]}
    >
      <Drawer open={!!editing} width={560} title={editing === 'new' ? '新增期限规则' : `编辑「${editing?.name ?? ''}」`} onClose={() => setEditing(null)} extra={<Button type="primary" onClick={save}>保存</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical">
          {editing === 'new' && (
            <Form.Item name="code" label="规则编码" rules={[zodRule(field(createRuleInput, 'code'))]} extra="模块.名称，如 local.petition_reply">
              <Input autoFocus />
            </Form.Item>
          )}
          <Form.Item name="name" label="规则名称" rules={[zodRule(field(createRuleInput, 'name'))]}>
            <Input maxLength={100} />
          </Form.Item>
          <Space>
            <Form.Item name="period" label="期限" rules={[zodRule(field(createRuleInput, 'period'))]}>
              <InputNumber min={1} max={3650} />
            </Form.Item>
            <Form.Item name="unit" label="计算方式">
              <Select style={{ width: 120 }} options={Object.entries(PERIOD_UNIT_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="extension" label="可延长（同单位，一次）">
              <InputNumber min={1} max={3650} />
            </Form.Item>
            <Form.Item name="warnDays" label="黄牌提前工作日">
              <InputNumber min={0} max={60} />
            </Form.Item>
          </Space>
          <Form.Item name="minimum" label="最短期限（如征求意见不少于30日）" valuePropName="checked">
            <Switch size="small" />
          </Form.Item>
          <Form.Item name="citation" label="法律依据" rules={[zodRule(field(createRuleInput, 'citation'))]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Typography.Text type="secondary">自然日：起算日不计入，届满日遇休息日顺延至下一工作日；工作日：跳过周末和法定节假日，计入调休上班日；月：到对应日（无对应日取月末），同样顺延。</Typography.Text>
        </Form>
      </Drawer>
    </ListCard>
  );
}
