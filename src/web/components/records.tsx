// Pages derived from a record definition (src/shared/records.ts): the ledger (filters, keyword,
// server-side sort, paging — all kept in the URL so Back and a shared link restore them — column
// choice remembered per user, export of exactly the filtered list, a real empty state), the detail
// fields, and the create/edit drawer (first field focused, Enter submits, errors at the field).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { App, AutoComplete, Button, Card, Checkbox, Descriptions, Drawer, Dropdown, Empty, Form, Grid, Input, InputNumber, List, Select, Space, Table, Tag, TreeSelect, Typography, type PaginationProps } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post, put, query } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useUnitTree } from './units.ts';
import { ExportButton, useUrlFilters } from './ledger.tsx';
import { ErrorNotice, showAtFields } from './ErrorNotice.tsx';
import { DateInput, afterToday } from './DateInput.tsx';
import { StatusTag } from './WorkflowPanel.tsx';
import { RuleLabel, TipLabel, fieldTip } from './RuleTip.tsx';
import { stateLabels, type WorkflowDef } from '../../shared/workflow.ts';
import { displayValue, entries, fieldSchema, type FieldDef, type FieldKind, type RecordDef } from '../../shared/records.ts';

type View = Record<string, unknown> & { id: string };

/** A filter the definition cannot state (e.g. the workflow status). */
export interface ExtraFilter {
  name: string;
  label: string;
  options: Record<string, string>;
}

/** How a list or detail shows a field's value. */
export function renderValue(spec: FieldDef, name: string, view: Record<string, unknown>): ReactNode {
  const value = displayValue(spec, name, view);
  if (value === null) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>—</span>;
  if (spec.kind === 'boolean') return view[name] ? <Tag color="blue">是</Tag> : '否';
  if (spec.kind === 'money') return `${Number(value).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`;
  return value;
}

/** The width of a list column of a field kind that may run long (cut with an ellipsis). */
const ELLIPSIS_WIDTH: Partial<Record<FieldKind, number>> = { text: 180, longText: 220, record: 200, unit: 180 };

/** Columns a clerk looks for on every row, kept at the table's right edge while it scrolls sideways. */
const RIGHT_KEYS = new Set(['due', 'nextDue', 'defence', 'dueDate', 'status', 'action', 'actions']);

/** The key columns (deadline, status, actions) moved last and fixed at the right. */
export function keyColumnsRight<T>(columns: ColumnsType<T>): ColumnsType<T> {
  const right = columns.filter((c) => RIGHT_KEYS.has(String(c.key)) && !c.fixed);
  return [...columns.filter((c) => !right.includes(c)), ...right.map((c) => ({ ...c, fixed: 'right' as const }))];
}

const storedColumns = (key: string): string[] | null => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
};

export interface RecordLedgerProps<T extends View> {
  def: RecordDef<any>;
  /** List endpoint (its `/export` beside it). */
  url: string;
  /** Columns before and after the definition's list fields (a title link, the status). */
  leading?: ColumnsType<T>;
  trailing?: ColumnsType<T>;
  extraFilters?: ExtraFilter[];
  /** A field shown as the link to the record's page. */
  link?: { field: string; to: (row: T) => string };
  /** Tints a row (e.g. 'row-overdue' for a record past its deadline). */
  rowClassName?: (row: T) => string;
  measure?: string;
  exportName: string;
  toolbar?: ReactNode;
  /** Query parameters always sent, with the list and its export, and not shown (the records of one parent record). */
  params?: Record<string, string>;
  /** The record's workflow: a status column last and a status filter first. */
  workflow?: WorkflowDef;
}

export function RecordLedger<T extends View>(props: RecordLedgerProps<T>) {
  const { def, url, measure = '件' } = props;
  const { me } = useAuth();
  const tree = useUnitTree();
  const { params, patch: update, sortOrder, clear } = useUrlFilters();
  // Below 768 px (a phone) the ledger is a list of cards.
  const phone = Grid.useBreakpoint().md === false;
  const filters: Record<string, string> = Object.fromEntries(params.entries());
  const page = Number(filters.page ?? 1);
  const pageSize = Number(filters.pageSize ?? 20);
  // The previous page stays on screen while the next loads (no flash of an empty table).
  const list = useQuery({ queryKey: [url, filters, props.params], placeholderData: keepPreviousData, queryFn: () => get<{ items: T[]; total: number }>(`${url}${query({ ...filters, ...props.params, page, pageSize })}`) });

  const listed = entries(def).filter(([, spec]) => spec.list);
  const columnsKey = `fazhi.columns.${me?.user.id ?? 'anon'}.${def.type}`;
  const [shown, setShown] = useState<string[]>(() => storedColumns(columnsKey) ?? listed.map(([name]) => name));
  const choose = (names: string[]) => {
    setShown(names);
    localStorage.setItem(columnsKey, JSON.stringify(names));
  };

  // Any parameter but paging and order narrows the list (the page's own filters too).
  const filtered = Object.keys(filters).some((k) => !['page', 'pageSize', 'sort', 'order'].includes(k));

  // A column the page writes itself replaces the definition's column of the same title (a case's
  // title as a link, a deadline with its light), rather than showing the same thing twice.
  const written = new Set([...(props.leading ?? []), ...(props.trailing ?? [])].map((c) => c.title).filter((t): t is string => typeof t === 'string'));
  const ownColumns = listed.filter(([, spec]) => !written.has(spec.label));
  const columns: ColumnsType<T> = [
    ...(props.leading ?? []),
    ...ownColumns
      .filter(([name]) => shown.includes(name))
      .map(([name, spec]) => ({
        key: name,
        title: spec.basis ? <TipLabel label={spec.label} tip={fieldTip(spec)} /> : spec.label,
        dataIndex: name,
        width: spec.kind === 'date' ? 108 : spec.kind === 'boolean' ? 80 : undefined,
        sorter: spec.sort,
        sortOrder: spec.sort ? sortOrder(name) : undefined,
        render: (_: unknown, row: T) => {
          const value = props.link?.field === name ? <Link to={props.link.to(row)}>{renderValue(spec, name, row)}</Link> : renderValue(spec, name, row);
          // Long texts and names keep to one line of at most a set width (in full on hover), so that
          // the table fits the page at 1440 px; a phone's card shows them whole.
          const cut = ELLIPSIS_WIDTH[spec.kind];
          if (!cut || phone) return value;
          const text = displayValue(spec, name, row);
          return <div className="cell-cut" style={{ maxWidth: cut }} title={typeof text === 'string' ? text : undefined}>{value}</div>;
        },
      })),
    ...(props.trailing ?? []),
    ...(props.workflow ? [{ key: 'status', title: '状态', dataIndex: 'status', width: 120, render: (status: string) => <StatusTag def={props.workflow!} status={status} /> }] : []),
  ];
  const extraFilters = [...(props.workflow ? [{ name: 'status', label: '状态', options: stateLabels(props.workflow) }] : []), ...(props.extraFilters ?? [])];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {entries(def).some(([, spec]) => spec.search) && (
          <Input.Search key={filters.q ?? ''} allowClear style={{ width: 220 }} placeholder={`搜索${entries(def).filter(([, s]) => s.search).map(([, s]) => s.label).join('、')}`} defaultValue={filters.q} onSearch={(q) => update({ q })} aria-label="关键词" />
        )}
        {entries(def)
          .filter(([, spec]) => spec.filter)
          .map(([name, spec]) => {
            if (spec.kind === 'date') return <InputNumber key={name} placeholder="年度" aria-label={`年度（按${spec.label}）`} min={1949} max={2100} value={filters.year ? Number(filters.year) : null} onChange={(year) => update({ year })} />;
            if (spec.kind === 'integer') return <InputNumber key={name} placeholder={spec.label} aria-label={spec.label} precision={0} value={filters[name] ? Number(filters[name]) : null} onChange={(v) => update({ [name]: v })} />;
            if (spec.kind === 'unit') return <TreeSelect key={name} style={{ width: 220 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder={`${spec.label}（含下级）`} aria-label={spec.label} value={filters[name]} onChange={(v) => update({ [name]: v })} />;
            // A text filter matches the whole value (the keyword box searches within texts).
            if ((spec.kind === 'text' || spec.kind === 'longText') && !spec.suggest) return <Input.Search key={`${name}:${filters[name] ?? ''}`} style={{ width: 160 }} allowClear placeholder={spec.label} aria-label={spec.label} defaultValue={filters[name]} onSearch={(v) => update({ [name]: v })} />;
            const options = spec.kind === 'boolean' ? { true: '是', false: '否' } : (spec.options ?? Object.fromEntries((spec.suggest ?? []).map((v) => [v, v])));
            return <Select key={name} style={{ width: 130 }} allowClear placeholder={spec.label} aria-label={spec.label} value={filters[name]} options={Object.entries(options).map(([value, label]) => ({ value, label }))} onChange={(v) => update({ [name]: v })} />;
          })}
        {extraFilters.map((f) => (
          <Select key={f.name} style={{ width: 130 }} allowClear placeholder={f.label} aria-label={f.label} value={filters[f.name]} options={Object.entries(f.options).map(([value, label]) => ({ value, label }))} onChange={(v) => update({ [f.name]: v })} />
        ))}
        <Dropdown
          trigger={['click']}
          popupRender={() => (
            <div style={{ background: '#fff', padding: 12, boxShadow: '0 6px 16px rgba(0,0,0,0.12)', borderRadius: 6 }}>
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} value={shown} onChange={(v) => choose(v as string[])} options={ownColumns.map(([name, spec]) => ({ value: name, label: spec.label }))} />
            </div>
          )}
        >
          <Button size="small" icon={<SettingOutlined />}>列</Button>
        </Dropdown>
        <ExportButton url={`${url}/export`} filters={{ ...filters, ...props.params }} filename={props.exportName} />
        {props.toolbar}
      </Space>
      <ErrorNotice error={list.error} />
      {phone ? (
        <LedgerCards<T>
          columns={columns}
          titleKey={props.link?.field}
          rows={list.data?.items}
          loading={list.isFetching}
          rowClassName={props.rowClassName}
          empty={filtered ? `没有符合筛选条件的${def.title}` : `还没有${def.title}`}
          pagination={{ current: page, pageSize, total: list.data?.total, showTotal: (t: number) => `共 ${t} ${measure}`, onChange: (p: number, size: number) => update({ page: p, pageSize: size }, { keepPage: true }) }}
        />
      ) : (
      <Table<T>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={keyColumnsRight(columns)}
        rowClassName={props.rowClassName}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty description={filtered ? `没有符合筛选条件的${def.title}` : `还没有${def.title}`}>
              {filtered && <Button size="small" onClick={clear}>清除筛选</Button>}
            </Empty>
          ),
        }}
        pagination={{ current: page, pageSize, total: list.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} ${measure}` }}
        onChange={(pagination, _filters, sorter) => {
          const s = sorter as SorterResult<T>;
          const sort = s.order ? String(s.columnKey) : undefined;
          const changedSort = sort !== filters.sort || (s.order === 'descend' ? 'desc' : 'asc') !== (filters.order ?? 'asc');
          update({ page: changedSort ? undefined : pagination.current, pageSize: pagination.pageSize, sort, order: s.order ? (s.order === 'descend' ? 'desc' : 'asc') : undefined }, { keepPage: true });
        }}
      />
      )}
    </>
  );
}

/**
 * The ledger on a phone: a card per record, the first column (the record's link) as its title, the
 * status at its right, the other columns as label and value lines — no table to scroll sideways.
 */
function LedgerCards<T extends View>(props: { columns: ColumnsType<T>; titleKey?: string; rows: T[] | undefined; loading: boolean; rowClassName?: (row: T) => string; empty: string; pagination: PaginationProps }) {
  const cell = (column: ColumnsType<T>[number], row: T, index: number): ReactNode => {
    const c = column as { dataIndex?: string; render?: (value: unknown, row: T, index: number) => ReactNode };
    const value = c.dataIndex ? (row as Record<string, unknown>)[c.dataIndex] : undefined;
    return c.render ? c.render(value, row, index) : (value as ReactNode);
  };
  const status = props.columns.find((c) => c.key === 'status');
  const head = props.columns.find((c) => c.key === props.titleKey) ?? props.columns.find((c) => c !== status);
  const rest = props.columns.filter((c) => c !== status && c !== head);
  return (
    <List<T>
      loading={props.loading}
      dataSource={props.rows}
      locale={{ emptyText: <Empty description={props.empty} /> }}
      pagination={{ ...props.pagination, size: 'small', simple: true, align: 'center' }}
      renderItem={(row, i) => (
        <Card size="small" className={props.rowClassName?.(row)} style={{ marginBottom: 8 }} title={head ? cell(head, row, i) : null} extra={status ? cell(status, row, i) : null} data-testid="ledger-card">
          {rest.map((c) => (
            <div key={String(c.key)} style={{ display: 'flex', gap: 8, lineHeight: '22px' }}>
              <Typography.Text type="secondary" style={{ flex: '0 0 6em' }}>{c.title as ReactNode}</Typography.Text>
              <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{cell(c, row, i)}</span>
            </div>
          ))}
        </Card>
      )}
    />
  );
}

/**
 * A short list of records inside a page (a case's hearings, the mediation organisations): the
 * definition's list fields as columns, then `trailing`; no sort, filters or paging.
 */
export function RecordTable<T extends View>(props: { def: RecordDef<any>; rows: T[] | undefined; loading?: boolean; empty?: string; trailing?: ColumnsType<T> }) {
  const columns: ColumnsType<T> = entries(props.def)
    .filter(([, spec]) => spec.list)
    .map(([name, spec]) => ({ key: name, title: spec.label, render: (_: unknown, row: T) => renderValue(spec, name, row) }));
  return <Table<T> rowKey="id" size="small" pagination={false} loading={props.loading} dataSource={props.rows} scroll={{ x: 'max-content' }} locale={props.empty ? { emptyText: props.empty } : undefined} columns={[...columns, ...(props.trailing ?? [])]} />;
}

/** The detail page's fields (those flagged `detail`), in the definition's order. */
/** A line the definition does not hold (a deadline with its light); `rules`: the deadline rules whose period and citation its label explains. */
export interface ExtraLine {
  label: string;
  value: ReactNode;
  span?: number;
  rules?: readonly string[];
}

export function RecordFields({ def, view, extra = [] }: { def: RecordDef<any>; view: Record<string, unknown>; extra?: ExtraLine[] }) {
  const shown = entries(def).filter(([, spec]) => spec.detail);
  // Long texts each take a whole row below the short fields, never a squeezed last cell.
  const short = shown.filter(([, spec]) => spec.kind !== 'longText');
  const long = shown.filter(([, spec]) => spec.kind === 'longText');
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
        {short.map(([name, spec]) => (
          <Descriptions.Item key={name} label={<TipLabel label={spec.label} tip={fieldTip(spec)} />}>
            {renderValue(spec, name, view)}
          </Descriptions.Item>
        ))}
        {extra.map((e) => (
          <Descriptions.Item key={e.label} label={e.rules?.length ? <RuleLabel label={e.label} rules={e.rules} /> : e.label} span={e.span ?? 1}>
            {e.value}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {long.length > 0 && (
        // A long text would squeeze its label to one character a line (正/文): labels keep one line.
        <Descriptions size="small" bordered column={1} style={{ marginTop: -1 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
          {long.map(([name, spec]) => (
            <Descriptions.Item key={name} label={<TipLabel label={spec.label} tip={fieldTip(spec)} />}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{renderValue(spec, name, view)}</div>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </>
  );
}

/** The create/edit drawer: the definition's input fields with their required marks and rules. */
export function RecordForm(props: {
  def: RecordDef<any>;
  open: boolean;
  title: string;
  submitText?: string;
  initialValues?: Record<string, unknown>;
  /** The input fields shown, when fewer than all (a correction form shows what may be corrected). */
  only?: readonly string[];
  /** Choices of record references (e.g. the organisations one may pick), or of a unit narrower than the unit tree. */
  references?: Record<string, { value: string; label: string }[]>;
  /** Form items the definition cannot say (e.g. the units an advisor serves), sent as they are, after the fields. */
  children?: ReactNode;
  onClose(): void;
  onSubmit(values: Record<string, unknown>): Promise<void>;
  /** An edit: the record's values as they are now, for 重新加载 when someone else saved it first (409). */
  reload?: () => Promise<Record<string, unknown>>;
}) {
  const { def } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const tree = useUnitTree();
  const first = useRef<any>(null);
  const fields = entries(def).filter(([name, spec]) => spec.input && (!props.only || props.only.includes(name)));
  useEffect(() => {
    if (!props.open) return;
    setError(null);
    form.resetFields();
    setTimeout(() => first.current?.focus?.(), 50);
  }, [props.open]);

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows each error at its field
    }
    const body: Record<string, unknown> = {};
    for (const [name, spec] of fields) {
      const v = values[name];
      if (spec.kind === 'date') body[name] = v ? (v as Dayjs).format('YYYY-MM-DD') : undefined;
      else if (spec.kind === 'boolean') body[name] = !!v;
      else if (spec.kind === 'money') body[name] = v === null || v === undefined ? undefined : Math.round(Number(v) * 100);
      else if (spec.kind === 'unit' || spec.kind === 'record') body[name] = v || (spec.required ? undefined : null);
      else body[name] = v === '' ? undefined : v;
    }
    for (const [name, v] of Object.entries(values)) if (!def.fields[name]) body[name] = v;
    setBusy(true);
    try {
      await props.onSubmit(body);
      message.success(`${props.submitText ?? '保存'}成功`);
      props.onClose();
    } catch (e) {
      setError(e);
      // The server names the failing fields: show each message at its field.
      showAtFields(form, e);
    } finally {
      setBusy(false);
    }
  };

  /** Values as the form's widgets hold them (a date as a picked day). */
  const formValues = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, def.fields[k]?.kind === 'date' && typeof v === 'string' ? dayjs(v) : v]));
  // The record's fields as they are now, in place of what was typed; the drawer stays open.
  const reload = async () => {
    try {
      const latest = formValues(await props.reload!());
      form.setFields(Object.entries(latest).map(([name, value]) => ({ name, value, errors: [] })));
      setError(null);
      message.info('已载入最新内容，请重新修改后保存');
    } catch (e) {
      setError(e);
    }
  };

  const widget = (name: string, spec: FieldDef, index: number) => {
    const ref = index === 0 ? first : undefined;
    switch (spec.kind) {
      case 'longText':
        return <Input.TextArea ref={ref} rows={3} maxLength={spec.max} showCount />;
      case 'date':
        return <DateInput ref={ref} style={{ width: '100%' }} disabledDate={spec.notAfterToday ? afterToday : undefined} />;
      case 'enum':
        return <Select ref={ref} options={Object.entries(spec.options ?? {}).map(([value, label]) => ({ value, label }))} />;
      case 'boolean':
        return <Checkbox ref={ref}><TipLabel label={spec.label} tip={fieldTip(spec)} /></Checkbox>;
      case 'integer':
        return <InputNumber ref={ref} style={{ width: '100%' }} precision={0} />;
      case 'money':
        return <InputNumber ref={ref} style={{ width: '100%' }} min={0} precision={2} addonAfter="元" />;
      case 'unit':
        if (props.references?.[name]) return <Select ref={ref} showSearch optionFilterProp="label" allowClear={!spec.required} options={props.references[name]} />;
        return <TreeSelect ref={ref} treeData={tree} showSearch treeNodeFilterProp="title" allowClear={!spec.required} />;
      case 'record':
        return <Select ref={ref} allowClear showSearch optionFilterProp="label" options={props.references?.[name] ?? []} />;
      default:
        if (spec.sealed && props.only) return <Input ref={ref} maxLength={spec.max} placeholder="不修改请留空" />;
        return spec.suggest ? <AutoComplete ref={ref} options={spec.suggest.map((value) => ({ value }))} filterOption={(input, o) => String(o?.value).includes(input)} /> : <Input ref={ref} maxLength={spec.max} />;
    }
  };

  // The field's own schema from the definition: the same rule and message as the server's.
  const rule = (name: string, spec: FieldDef) => ({
    validator: async (_: unknown, value: unknown) => {
      const v = spec.kind === 'date' && value ? (value as Dayjs).format('YYYY-MM-DD') : spec.kind === 'boolean' ? !!value : spec.kind === 'money' && value !== null && value !== undefined ? Math.round(Number(value) * 100) : value;
      const result = fieldSchema(name, spec).safeParse(v === '' || v === null ? undefined : v);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入有误');
    },
  });

  return (
    <Drawer
      open={props.open}
      width={Math.min(560, typeof window === 'undefined' ? 560 : window.innerWidth)}
      title={props.title}
      onClose={props.onClose}
      destroyOnHidden
      extra={<Button type="primary" loading={busy} onClick={submit}>{props.submitText ?? '保存'}</Button>}
    >
      <ErrorNotice error={error} onReload={props.reload && reload} />
      <Form
        form={form}
        layout="vertical"
        initialValues={formValues(props.initialValues ?? {})}
        onKeyDown={(e) => {
          // Enter submits from any one-line field (not from a text area, where it is a new line).
          if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement) && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        {fields.map(([name, spec], i) => (
          <Form.Item key={name} name={name} label={spec.kind === 'boolean' ? undefined : spec.label} tooltip={spec.kind === 'boolean' ? undefined : fieldTip(spec) ?? undefined} required={spec.required} valuePropName={spec.kind === 'boolean' ? 'checked' : 'value'} rules={[rule(name, spec)]}>
            {widget(name, spec, i)}
          </Form.Item>
        ))}
        {props.children}
      </Form>
    </Drawer>
  );
}

/** A create button and its drawer: the new record is posted to `api`, the ledger reloaded and the record opened. */
export interface CreateRecordProps<V extends { id: string }> {
  def: RecordDef<any>;
  /** The records' API path (e.g. '/matters'); the ledger of the same path reloads. */
  api: string;
  /** The button's and the drawer's words (交办事项 / 交办); `button` when the button says less than the drawer. */
  title: string;
  button?: string;
  submitText: string;
  initialValues?: Record<string, unknown>;
  references?: Record<string, { value: string; label: string }[]>;
  /** The body as sent, from the form's values (a field that applies to some records only). */
  body?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** Form items beyond the definition's fields (RecordForm's children). */
  children?: ReactNode;
  /** The new record's page. */
  to: (created: V) => string;
}

export function CreateRecord<V extends { id: string }>(props: CreateRecordProps<V>) {
  const navigate = useNavigate();
  const location = useLocation();
  // A link to the ledger with `state: { create: true }` (a 工作台 shortcut) opens the drawer at once;
  // the state is dropped so that going back or reloading shows the ledger alone.
  const [open, setOpen] = useState(() => !!(location.state as { create?: boolean } | null)?.create);
  useEffect(() => {
    if ((location.state as { create?: boolean } | null)?.create) navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, []);
  const client = useQueryClient();
  return (
    <>
      <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>{props.button ?? props.title}</Button>
      <RecordForm
        def={props.def}
        open={open}
        title={props.title}
        submitText={props.submitText}
        initialValues={props.initialValues}
        references={props.references}
        onClose={() => setOpen(false)}
        onSubmit={async (values) => {
          const created = await post<V>(props.api, props.body ? props.body(values) : values);
          void client.invalidateQueries({ queryKey: [props.api] });
          navigate(props.to(created));
        }}
      >
        {props.children}
      </RecordForm>
    </>
  );
}

/**
 * 更正: a link and its drawer for the fields of a record that may be corrected (`only`), filled with
 * the record's values and saved with the version read, so that a concurrent change is refused.
 */
export function EditRecord<V extends { id: string; version: number }>(props: {
  def: RecordDef<any>;
  record: V;
  /** The records' API path; the record is saved by PUT to `${api}/${id}` and the queries under `api` reload. */
  api: string;
  only: readonly string[];
  title: string;
  references?: Record<string, { value: string; label: string }[]>;
  /** A button (on a record's page) rather than a link (in a ledger's row). */
  button?: boolean;
  /** Form items beyond the fields (e.g. the correction's reason), sent with them. */
  children?: ReactNode;
  onSaved?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  // The record as read again after a save was refused because someone else saved it first (409),
  // until the page's own copy catches up.
  const [latest, setLatest] = useState<V | null>(null);
  const record = latest && latest.id === props.record.id && latest.version > props.record.version ? latest : props.record;
  const valuesOf = (r: V) => {
    const view = r as unknown as Record<string, unknown>;
    return Object.fromEntries(
      props.only.map((name) => {
        const v = view[name];
        // Personal data comes masked (139****8199): never sent back; left empty, it stays as stored.
        if (props.def.fields[name]?.sealed) return [name, undefined];
        return [name, props.def.fields[name]?.kind === 'money' && typeof v === 'number' ? v / 100 : v ?? undefined];
      }),
    );
  };
  return (
    <>
      {props.button ? <Button size="small" onClick={() => setOpen(true)}>更正</Button> : <a onClick={() => setOpen(true)}>更正</a>}
      <RecordForm
        def={props.def}
        open={open}
        title={props.title}
        submitText="保存"
        only={props.only}
        initialValues={valuesOf(record)}
        references={props.references}
        onClose={() => setOpen(false)}
        onSubmit={async (values) => {
          await put(`${props.api}/${record.id}`, { ...values, version: record.version });
          void client.invalidateQueries({ queryKey: [props.api] });
          props.onSaved?.();
        }}
        reload={async () => {
          const now = await get<V>(`${props.api}/${record.id}`);
          setLatest(now);
          void client.invalidateQueries({ queryKey: [props.api] });
          return valuesOf(now);
        }}
      >
        {props.children}
      </RecordForm>
    </>
  );
}
