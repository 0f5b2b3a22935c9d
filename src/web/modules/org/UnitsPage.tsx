import { useMemo, useRef, useState, useEffect } from 'react';
import { App, Button, Card, Col, Empty, Form, Grid, Input, Row, Select, Space, Switch, Tag, Tree, TreeSelect, Typography, Modal, InputNumber } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { patch, post } from '../../api.ts';
import { buildTree, useUnits, type UnitNode } from '../../components/units.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { createUnitInput, UNIT_KINDS, type UnitView } from '../../../shared/schemas/org.ts';
import { useAuth } from '../../auth.tsx';
import { chinaTime } from '../../../shared/records.ts';

const kindOptions = Object.entries(UNIT_KINDS).map(([value, label]) => ({ value, label }));
const KIND_COLORS: Record<string, string> = { county: 'red', department: 'blue', town: 'green', village: 'cyan', other: 'default' };

function filterTree(nodes: UnitNode[], text: string): UnitNode[] {
  if (!text) return nodes;
  return nodes.flatMap((n) => {
    const children = filterTree(n.children, text);
    return n.title.includes(text) || n.unit.code.includes(text) || children.length ? [{ ...n, children }] : [];
  });
}

export default function UnitsPage() {
  const [showInactive, setShowInactive] = useState(false);
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creatingUnder, setCreatingUnder] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const { data: units = [], isLoading } = useUnits(showInactive);
  const { can } = useAuth();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const tree = useMemo(() => buildTree(units), [units]);
  const selected = units.find((u) => u.id === selectedId) ?? null;
  const manage = can('org.manage');

  useEffect(() => {
    setError(null);
    if (creatingUnder !== undefined) form.setFieldsValue({ code: '', name: '', kind: creatingUnder === null ? 'county' : 'department', category: '', creditCode: '', sortOrder: 0 });
    else if (selected) form.setFieldsValue({ ...selected, category: selected.category ?? '', creditCode: selected.creditCode ?? '' });
  }, [selected?.id, selected?.version, creatingUnder]);

  const refresh = () => client.invalidateQueries({ queryKey: ['units'] });
  const run = async (fn: () => Promise<UnitView>, done: string) => {
    setError(null);
    try {
      const unit = await fn();
      message.success(done);
      setCreatingUnder(undefined);
      setSelectedId(unit.id);
      await refresh();
    } catch (e) {
      setError(e);
      message.error(errorText(e));
    }
  };
  const save = (v: Record<string, unknown>) => {
    const body = { ...v, category: v.category || null, creditCode: v.creditCode || null };
    if (creatingUnder !== undefined) return run(() => post('/org/units', { ...body, parentId: creatingUnder }), '单位已创建');
    return run(() => patch(`/org/units/${selected!.id}`, { ...body, version: selected!.version }), '已保存');
  };
  const move = () => {
    let target: string | null = null;
    Modal.confirm({
      title: `移动「${selected!.name}」`,
      content: <TreeSelect style={{ width: '100%' }} treeData={tree} allowClear placeholder="选择新的上级单位（不选则成为根单位）" treeDefaultExpandAll onChange={(v) => (target = v ?? null)} />,
      okText: '移动',
      onOk: () => run(() => post(`/org/units/${selected!.id}/move`, { version: selected!.version, parentId: target }), '已移动'),
    });
  };
  const toggleActive = () =>
    run(() => post(`/org/units/${selected!.id}/${selected!.active ? 'deactivate' : 'activate'}`, { version: selected!.version }), selected!.active ? '已停用' : '已启用');

  const editing = creatingUnder !== undefined || !!selected;
  const stacked = !Grid.useBreakpoint().lg;
  const details = useRef<HTMLDivElement>(null);
  const showDetails = () => stacked && setTimeout(() => details.current?.scrollIntoView({ block: 'start' }));
  return (
    // Tree and details side by side where there is room; on a phone one below the other, and choosing
    // a unit (or 根单位, 下级单位) brings its details into view.
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title="组织机构"
          extra={
            <Space>
              <Switch size="small" checked={showInactive} onChange={setShowInactive} /> 含已停用
              {manage && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => { setSelectedId(null); setCreatingUnder(null); showDetails(); }}>
                  根单位
                </Button>
              )}
            </Space>
          }
        >
          <Input.Search placeholder="按名称或编码筛选" allowClear onChange={(e) => setSearch(e.target.value.trim())} style={{ marginBottom: 8 }} />
          {isLoading ? null : tree.length === 0 ? (
            <Empty description="暂无单位" />
          ) : (
            <Tree
              blockNode
              showLine
              defaultExpandAll={units.length < 300}
              key={`${search}-${units.length}`}
              treeData={filterTree(tree, search)}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => { setCreatingUnder(undefined); setSelectedId((keys[0] as string) ?? null); if (keys[0]) showDetails(); }}
              titleRender={(n: any) => (
                <span data-testid={`unit-${n.unit.code}`} style={{ opacity: n.unit.active ? 1 : 0.5 }}>
                  {n.title} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.unit.code}</Typography.Text>{' '}
                  <Tag color={KIND_COLORS[n.unit.kind]} style={{ fontSize: 11, lineHeight: '16px' }}>{UNIT_KINDS[n.unit.kind as keyof typeof UNIT_KINDS]}</Tag>
                  {!n.unit.active && <Tag>已停用</Tag>}
                </span>
              )}
              style={{ maxHeight: 'calc(100vh - 220px)', overflow: 'auto' }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14} ref={details}>
        <Card
          size="small"
          title={creatingUnder !== undefined ? `新建单位${creatingUnder ? `（上级：${units.find((u) => u.id === creatingUnder)?.name}）` : '（根单位）'}` : selected ? selected.name : '单位详情'}
          extra={
            selected && creatingUnder === undefined && manage && (
              <Space>
                {selected.actions.includes('create_child') && <Button size="small" icon={<PlusOutlined />} onClick={() => setCreatingUnder(selected.id)}>下级单位</Button>}
                {selected.actions.includes('move') && <Button size="small" onClick={move}>移动</Button>}
                <Button size="small" danger={selected.active} onClick={toggleActive}>{selected.active ? '停用' : '启用'}</Button>
              </Space>
            )
          }
        >
          {!editing ? (
            <Empty description="在左侧选择一个单位" />
          ) : (
            <>
              <ErrorNotice error={error} />
              <Form form={form} layout="horizontal" labelCol={{ span: 6 }} wrapperCol={{ span: 16 }} onFinish={save} disabled={!manage}>
                <Form.Item name="code" label="单位编码" rules={[zodRule(field(createUnitInput, 'code'))]}>
                  <Input id="unit-code" />
                </Form.Item>
                <Form.Item name="name" label="单位名称" rules={[zodRule(field(createUnitInput, 'name'))]}>
                  <Input id="unit-name" />
                </Form.Item>
                <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
                  <Select options={kindOptions} id="unit-kind" />
                </Form.Item>
                <Form.Item name="category" label="考评类别" extra="如：部门、乡镇；用于考评分组">
                  <Input />
                </Form.Item>
                <Form.Item name="creditCode" label="统一社会信用代码" rules={[zodRule(field(createUnitInput, 'creditCode'))]}>
                  <Input maxLength={18} />
                </Form.Item>
                <Form.Item name="sortOrder" label="排序号">
                  <InputNumber min={0} />
                </Form.Item>
                {manage && (
                  <Form.Item wrapperCol={{ offset: 6 }}>
                    <Space>
                      <Button type="primary" htmlType="submit" id="unit-save">保存</Button>
                      {creatingUnder !== undefined && <Button onClick={() => setCreatingUnder(undefined)}>取消</Button>}
                    </Space>
                  </Form.Item>
                )}
              </Form>
              {selected && creatingUnder === undefined && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  版本 {selected.version} · 最后修改 {chinaTime(selected.updatedAt).slice(0, 16)}
                </Typography.Text>
              )}
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
