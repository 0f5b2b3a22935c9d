// 帮助中心 and a module's 操作说明. The prose is the module's own (its help.md); the steps, who takes
// them, what each needs and which clock it starts, and every deadline's period and citation are read
// from the workflow definitions and the rules table, so the help says what the system does.
import { Fragment, type ReactNode } from 'react';
import { Alert, Breadcrumb, Card, Col, Collapse, Empty, List, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams, useSearchParams } from 'react-router-dom';
import { get } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { useMenu } from '../../menu.ts';
import { rulePeriod, useRulesByCode } from '../../components/RuleTip.tsx';
import { ROLES, type Role } from '../../../shared/roles.ts';
import type { ClockEffect, TransitionDef, WorkflowDef } from '../../../shared/workflow.ts';
import type { DeadlineRuleView } from '../../../shared/schemas/calendar.ts';
import { HELPS } from '../../help/registry.ts';
import { RULE_PLACEHOLDER, helpFor, helpPath, type HelpWorkflow, type ModuleHelp } from '../../help/types.ts';

/** The rule codes a clock effect may count by (one, or one per value of a record's field). */
export function effectRules(effect: ClockEffect): string[] {
  if (!('start' in effect) || !('rule' in effect)) return [];
  return typeof effect.rule === 'string' ? [effect.rule] : [...new Set([...Object.values(effect.rule.rules), effect.rule.fallback])];
}

/** Every rule a workflow's transitions start a clock by. */
export const workflowRules = (def: WorkflowDef) => [...new Set(def.transitions.flatMap((t) => (t.effects ?? []).flatMap(effectRules)))];

/** Prose with its rule placeholders as the rules table states them (20个工作日, the citation on hover). */
function Prose({ text, rules }: { text: string; rules: readonly DeadlineRuleView[] }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(RULE_PLACEHOLDER)) {
    parts.push(text.slice(last, m.index));
    const rule = rules.find((r) => r.code === m[1]);
    parts.push(
      rule ? (
        <Tooltip key={m.index} title={`${rule.name}。依据：${rule.citation}`}>
          <Typography.Text underline>{rulePeriod(rule)}</Typography.Text>
        </Tooltip>
      ) : (
        <Fragment key={m.index}>法定期限内</Fragment>
      ),
    );
    last = m.index! + m[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

function effectText(effect: ClockEffect, rules: readonly DeadlineRuleView[]): string {
  if ('start' in effect) {
    if ('dueColumn' in effect) return `开始计时：${effect.label}`;
    const periods = effectRules(effect)
      .map((code) => rules.find((r) => r.code === code))
      .filter((r): r is DeadlineRuleView => !!r)
      .map((r) => `${r.name}${rulePeriod(r)}`);
    return `开始计时：${effect.label}${periods.length ? `（${periods.join('；')}）` : ''}`;
  }
  if ('pause' in effect) return `暂停计时：${effect.reason}`;
  if ('resume' in effect) return '恢复计时';
  if ('restart' in effect) return `重新计时：${effect.reason}`;
  return `停止计时：${effect.reason}`;
}

function Step({ def, t, text, rules }: { def: WorkflowDef; t: TransitionDef; text?: string; rules: readonly DeadlineRuleView[] }) {
  const needs = [...(t.requiredFields ?? []).map((f) => `填写${f.label}`), ...(t.evidence ? [`上传至少 ${t.evidence} 份材料`] : []), ...(t.noteRequired ? ['填写说明'] : [])];
  return (
    <List.Item data-testid={`help-step-${def.recordType}-${t.key}`}>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={6}>
          <Typography.Text strong>{t.label}</Typography.Text>
          <Typography.Text type="secondary">
            {t.from.map((s) => def.states[s]?.label).join('、')} → {def.states[t.to]?.label}
          </Typography.Text>
        </Space>
        <Typography.Text type="secondary">办理人：{t.roles.map((r) => ROLES[r as Role] ?? r).join('、')}</Typography.Text>
        {needs.length > 0 && <Typography.Text type="secondary">需要：{needs.join('；')}</Typography.Text>}
        {/* One line per distinct effect (closing a case stops each of its clocks for the same reason). */}
        {[...new Map((t.effects ?? []).map((e) => [effectText(e, rules), 'start' in e])).entries()].map(([line, starts]) => (
          <Typography.Text key={line} type={starts ? 'warning' : 'secondary'}>
            {line}
          </Typography.Text>
        ))}
        {text && (
          <Typography.Text>
            <Prose text={text} rules={rules} />
          </Typography.Text>
        )}
      </Space>
    </List.Item>
  );
}

function Workflow({ w, rules }: { w: HelpWorkflow; rules: readonly DeadlineRuleView[] }) {
  return (
    <Card size="small" type="inner" title={w.def.title} style={{ marginBottom: 12 }}>
      <Typography.Paragraph>
        <Prose text={w.intro} rules={rules} />
      </Typography.Paragraph>
      <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">状态：</Typography.Text>
        {Object.values(w.def.states).map((s) => (
          <Tag key={s.label} color={s.final ? 'default' : 'blue'}>
            {s.label}
            {s.final ? '（办结）' : ''}
          </Tag>
        ))}
      </Space>
      <List size="small" dataSource={[...w.def.transitions]} rowKey="key" renderItem={(t) => <Step def={w.def} t={t} text={w.steps?.[t.key]} rules={rules} />} />
    </Card>
  );
}

interface ImportTypeView {
  type: string;
  title: string;
}

function ModuleHelpView({ help }: { help: ModuleHelp }) {
  const { can } = useAuth();
  const rules = useRulesByCode(help.rules);
  const types = useQuery({ queryKey: ['import-types'], enabled: !!help.imports, queryFn: () => get<{ items: ImportTypeView[] }>('/imports/types').then((r) => r.items), retry: false });
  const mine = (types.data ?? []).filter((t) => help.imports?.types.includes(t.type));
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/help">帮助中心</Link> }, { title: help.title }]} />
      <Card size="small" title={`${help.title} · 操作说明`} data-testid={`help-${help.key}`}>
        {/* A page that is no module's (驾驶舱, 工作日历, 审计日志) has no steps of its own. */}
        <Typography.Title level={5}>{help.workflows.length ? '这个模块做什么' : '这个页面做什么'}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>
          <Prose text={help.purpose} rules={rules} />
        </Typography.Paragraph>

        <Typography.Title level={5}>谁做什么</Typography.Title>
        <List
          size="small"
          dataSource={[...help.duties]}
          renderItem={(d) => (
            <List.Item>
              <Typography.Text>
                <Typography.Text strong>{d.who}</Typography.Text>：<Prose text={d.does} rules={rules} />
              </Typography.Text>
            </List.Item>
          )}
        />

        {help.workflows.length > 0 && <Typography.Title level={5} style={{ marginTop: 16 }}>办理流程</Typography.Title>}
        {help.workflows.map((w) => (
          <Workflow key={w.def.recordType} w={w} rules={rules} />
        ))}

        {help.rules.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>法定期限与依据</Typography.Title>
            {!can('calendar.read') && <Alert type="info" showIcon message="期限规则由法治办维护，您的角色无权查看。" />}
            <List
              size="small"
              bordered
              dataSource={rules}
              rowKey="code"
              renderItem={(r) => (
                <List.Item data-testid={`help-rule-${r.code}`}>
                  <Space direction="vertical" size={2}>
                    <Space wrap size={6}>
                      <Typography.Text strong>{r.name}</Typography.Text>
                      <Tag color="gold" data-testid="help-rule-period">{rulePeriod(r)}</Tag>
                    </Space>
                    {r.note && <Typography.Text>{r.note}</Typography.Text>}
                    <Typography.Text type="secondary">
                      依据：<span data-testid="help-rule-citation">{r.citation}</span>
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              工作日不含周末和法定节假日，调休上班日计入；以日计算的期限，开始之日不计入，期满日为休息日的顺延至其后第一个工作日。期限规则由法治办在“法定期限规则”中维护，修改后未结事项的期限自动重新计算。
            </Typography.Paragraph>
          </>
        )}

        {help.imports && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>批量导入</Typography.Title>
            <Typography.Paragraph>{help.imports.text}</Typography.Paragraph>
            {mine.length > 0 && (
              <Space wrap>
                {mine.map((t) => (
                  <Link key={t.type} to={`/imports?type=${t.type}`}>
                    导入{t.title}
                  </Link>
                ))}
              </Space>
            )}
          </>
        )}

        <Typography.Title level={5} style={{ marginTop: 16 }}>常见问题</Typography.Title>
        <Collapse size="small" items={help.faq.map((f, i) => ({ key: String(i), label: f.q, children: <Prose text={f.a} rules={rules} /> }))} />
      </Card>
    </>
  );
}

/** 帮助中心: the modules whose pages this user may open; `?from=<path>` opens the help of that page's module. */
function HelpCenter() {
  const [params] = useSearchParams();
  const menu = useMenu();
  const from = params.get('from');
  const target = from ? helpFor(HELPS, from) : null;
  if (target) return <Navigate replace to={helpPath(target.key)} />;
  const reachable = HELPS.filter((h) => menu.some((r) => h.paths.some((p) => r.path === p || r.path.startsWith(`${p}/`))));
  return (
    <Card size="small" title="帮助中心">
      <Typography.Paragraph type="secondary">各业务模块以及驾驶舱、工作日历、审计日志的操作说明：用途、分工、办理流程与法定期限、批量导入和常见问题。在任一页面点击右上角“操作说明”，可直接打开该页的说明。</Typography.Paragraph>
      {reachable.length === 0 ? (
        <Empty description="您的角色没有业务模块" />
      ) : (
        <Row gutter={[12, 12]}>
          {reachable.map((h) => (
            <Col key={h.key} xs={24} sm={12} lg={8}>
              <Card size="small" title={<Link to={helpPath(h.key)}>{h.title}</Link>} style={{ height: '100%' }}>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ marginBottom: 0 }}>
                  {h.purpose.replace(RULE_PLACEHOLDER, '法定期限')}
                </Typography.Paragraph>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

export default function HelpPage() {
  const { key } = useParams();
  if (!key) return <HelpCenter />;
  const help = HELPS.find((h) => h.key === key);
  return help ? <ModuleHelpView help={help} /> : <Empty description="没有这个模块的操作说明" />;
}
