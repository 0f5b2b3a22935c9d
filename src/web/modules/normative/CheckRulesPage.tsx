// 预审规则: the rules the pre-review checks run on a submitted draft, each with its citation; the law
// office adds rules, edits patterns and turns rules off. A rule points a reviewer at a sentence, never decides.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Switch, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { useAuth } from '../../auth.tsx';
import { CHECK_CATEGORIES, CHECK_SCOPES, type CheckRuleView } from '../../../shared/schemas/normative.ts';
import { ListCard } from '../../components/ListCard.tsx';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default function CheckRulesPage() {
  const { canSetShared } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: ['/normdoc-check-rules'], queryFn: () => get<{ items: CheckRuleView[] }>('/normdoc-check-rules') });
  const [editing, setEditing] = useState<CheckRuleView | 'new' | null>(null);
  const [form] = Form.useForm();
  const manage = canSetShared('normdoc.rules');
  const open = (rule: CheckRuleView | 'new') => {
    setEditing(rule);
    form.setFieldsValue(rule === 'new' ? { category: 'obligation', scope: 'sentence', active: true, basis: '' } : { ...rule, basis: rule.basis ?? '' });
  };
  const save = async () => {
    const values = await form.validateFields();
    const body = { name: values.name, pattern: values.pattern, basis: values.basis?.trim() || null, citation: values.citation, active: values.active };
    try {
      if (editing === 'new') await post('/normdoc-check-rules', { ...body, code: values.code, category: values.category, scope: values.scope });
      else await put(`/normdoc-check-rules/${editing!.code}`, { ...body, version: editing!.version });
      message.success('已保存预审规则');
      setEditing(null);
      void client.invalidateQueries({ queryKey: ['/normdoc-check-rules'] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <ListCard<CheckRuleView> title="规范性文件预审规则" extra={manage && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>新增规则</Button>}
      rowKey="code"
      loading={rules.isLoading}
      scroll={{ x: 980 }}
      rows={rules.data?.items}
      error={rules.error}
      columns={[
        // The code (what flags and the API name) only in a tooltip.
        { title: '规则', width: 200, render: (_, r) => <Tooltip title={`规则编码：${r.code}`}><b>{r.name}</b></Tooltip> },
        { title: '类别', width: 130, render: (_, r) => CHECK_CATEGORIES[r.category] },
        { title: '查找方式', width: 110, render: (_, r) => CHECK_SCOPES[r.scope] },
        { title: '匹配模式', render: (_, r) => <code style={{ fontSize: 12, wordBreak: 'break-all' }}>{r.pattern}</code> },
        { title: '依据', width: 300, render: (_, r) => <span style={{ fontSize: 12 }}>{r.citation}</span> },
        { title: '状态', width: 70, render: (_, r) => (r.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
        ...(manage ? [{ title: '', width: 60, render: (_: unknown, r: CheckRuleView) => <a onClick={() => open(r)}>修改</a> }] : []),
      ]}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        起草单位提交合法性审查时，按启用的规则逐句查找可能设定许可、处罚、强制、收费，减损权利、增加义务，排除、限制竞争的表述，以及全文是否载明有效期、征求意见情况；每条提示须由审核员确认或排除，规则只辅助审查，不代替审查。匹配模式为正则表达式；句子同时符合“依据豁免模式”（如写明依照某法律的规定）时不提示。
      </Typography.Paragraph>
      <Modal open={!!editing} width={720} title={editing === 'new' ? '新增预审规则' : `修改预审规则：${editing?.name ?? ''}`} onCancel={() => setEditing(null)} onOk={save} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          {editing === 'new' && (
            <>
              <Form.Item name="code" label="规则编码" rules={[{ required: true, pattern: /^[a-z][a-z0-9_.]{1,39}$/, message: '规则编码为 2–40 位小写字母、数字、点或下划线，以字母开头' }]}><Input placeholder="如 county.exam" /></Form.Item>
              <Form.Item name="category" label="类别" rules={[{ required: true }]}><Select options={options(CHECK_CATEGORIES)} /></Form.Item>
              <Form.Item name="scope" label="查找方式" rules={[{ required: true }]}><Select options={options(CHECK_SCOPES)} /></Form.Item>
            </>
          )}
          <Form.Item name="name" label="规则名称" rules={[{ required: true, message: '请填写规则名称' }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="pattern" label="匹配模式（正则表达式）" rules={[{ required: true, message: '请填写匹配模式' }]} extra="如：须参加[^，。；]{0,10}考试"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Form.Item name="basis" label="依据豁免模式（可不填）" extra="句子同时匹配时不提示，如写明“依照《……》”"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Form.Item name="citation" label="依据" rules={[{ required: true, message: '请填写依据' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Form.Item name="active" label="启用" valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
    </ListCard>
  );
}
