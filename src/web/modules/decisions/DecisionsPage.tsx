// 重大行政决策台账: each decision with the procedure it is at and what is still missing, the comment
// countdown while the draft is open, the legality review's deadline with its light, and the intake drawer (a catalog item, or unlisted with its reason).
import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { get } from '../../api.ts';
import { LedgerPage, pageOf } from '../../components/pages.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { dueValue } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { DECISION_STATUSES, DECISION_WORKFLOW, PROCEDURES, type CatalogItemView, type DecisionView } from '../../../shared/schemas/decisions.ts';
import { DECISION_PAGES } from './pages.ts';

export default function DecisionsPage() {
  const { can, me } = useAuth();
  const manage = can('decision.manage');
  const items = useQuery({ queryKey: ['/decision-catalog', 'open'], queryFn: () => get<{ items: CatalogItemView[] }>('/decision-catalog?status=listed&pageSize=200'), enabled: manage });
  const choices = (items.data?.items ?? []).filter((i) => !i.decisionId).map((i) => ({ value: i.id, label: `${i.year}年 ${i.title}（${i.unitName}）` }));
  return (
    <LedgerPage<DecisionView>
      pages={DECISION_PAGES}
      create={manage && { button: '登记决策事项', title: '登记拟决策事项', submitText: '登记', initialValues: { unitId: me?.unit.id, year: new Date().getFullYear() }, references: { catalogItemId: choices } }}
      status={false}
      leading={[{ key: 'title', title: '决策事项', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 260, render: (t: string, r) => <Link to={pageOf(DECISION_PAGES, r)}>{t}</Link> }]}
      trailing={[
        {
          key: 'stage',
          title: '办理进度',
          width: 280,
          render: (_, r) => (
            <Space size={4} wrap>
              <StatusTag def={DECISION_WORKFLOW} status={r.status} />
              {r.status === 'drafting' && (
                <Tooltip title={r.missing.length ? `尚缺：${r.missing.map((p) => PROCEDURES[p]).join('、')}` : '法定程序已齐备'}>
                  <Tag color={r.missing.length ? 'orange' : 'green'}>{r.missing.length ? `${r.stage}（缺 ${r.missing.length} 项）` : '程序齐备'}</Tag>
                </Tooltip>
              )}
              {r.commentDaysLeft !== null && <Tag color="blue">征求意见剩 {r.commentDaysLeft} 天</Tag>}
              {r.openComments > 0 && <Tag color="gold">{r.openComments} 条意见待处理</Tag>}
              {/* The legality review's clock (at least 7 working days allowed) while it runs. */}
              {r.legalityLight && (
                <span data-testid="legality-clock">
                  审查期限 {dueValue(r.legalityDue, r.legalityLight)}
                </span>
              )}
            </Space>
          ),
        },
      ]}
      extraFilters={[{ name: 'status', label: '状态', options: DECISION_STATUSES }]}
    />
  );
}
