// 决策事项目录: the items of each year's catalog (owner unit, planned time, the Party committee's
// consent date), whether each is published on the portal and how far its decision is; 更正 of an item
// (with the reason once published).
import { Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { LedgerPage } from '../../components/pages.tsx';
import { useAuth } from '../../auth.tsx';
import type { CatalogItemView } from '../../../shared/schemas/decisions.ts';
import { CATALOG_PAGES } from './pages.ts';
import { CorrectCatalogItem } from './CatalogItemDetailPage.tsx';

export default function CatalogPage() {
  const { can } = useAuth();
  const year = new Date().getFullYear();
  return (
    <LedgerPage<CatalogItemView>
      pages={CATALOG_PAGES}
      create={can('decision.catalog') && { button: '列入目录', title: '列入重大行政决策事项目录', submitText: '列入', initialValues: { year } }}
      link="title"
      trailing={[
        {
          key: 'published',
          title: '门户公开',
          width: 190,
          render: (_, r) => (
            <Space size={4}>
              {r.published ? <Tag color="green">已公布</Tag> : <Tag>待党委同意</Tag>}
              {r.decisionId && <Link to={`/decisions/${r.decisionId}`}>决策</Link>}
              {can('decision.catalog') && r.status === 'listed' && <CorrectCatalogItem item={r} />}
            </Space>
          ),
        },
      ]}
    />
  );
}
