// All matches of a query, grouped by record type, each group up to 50 with its count.
import { Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { get, query } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import type { SearchHit, SearchResult } from '../../../shared/schemas/search.ts';
import { ListCard } from '../../components/ListCard.tsx';

const PER_GROUP = 50;

export default function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = (params.get('q') ?? '').trim();
  const found = useQuery({ queryKey: ['search', q, PER_GROUP], queryFn: () => get<SearchResult>(`/search${query({ q, limit: PER_GROUP })}`), enabled: q.length > 0 });
  const groups = found.data?.groups ?? [];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Input.Search key={q} defaultValue={q} allowClear enterButton="搜索" placeholder="案号、编号、标题、当事人或单位名称" aria-label="搜索关键词" style={{ maxWidth: 560, width: '100%' }} onSearch={(value) => value.trim() && navigate(`/search${query({ q: value.trim() })}`)} autoFocus={!q} />
        {q && found.data && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
            「{q}」共 {groups.length} 类记录
          </Typography.Text>
        )}
      </Card>
      {found.error && <ErrorNotice error={found.error} />}
      {q && found.data && groups.length === 0 && (
        <Card size="small">
          <Empty description={`在您可查看的记录中没有找到「${q}」`} />
        </Card>
      )}
      {groups.map((g) => (
        <ListCard<SearchHit> key={g.type} title={g.title} extra={<Typography.Text type="secondary">{g.total > 100 ? '超过 100 条，显示最新 50 条，请加关键词缩小范围' : g.total > PER_GROUP ? `共 ${g.total} 条，显示最新 ${PER_GROUP} 条` : `共 ${g.total} 条`}</Typography.Text>}
          rows={g.items}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '标题', dataIndex: 'title', render: (title: string, hit) => <Link to={hit.link}>{title}</Link> },
            { title: '案号/编号', dataIndex: 'ref', width: 200, render: (ref: string | null, hit) => hit.caseNumber ?? ref ?? '—' },
            { title: '单位', dataIndex: 'unitName', width: 200 },
            { title: '状态', dataIndex: 'statusLabel', width: 120, render: (label: string | null) => (label ? <Tag>{label}</Tag> : '—') },
          ]}
        />
      ))}
    </Space>
  );
}
