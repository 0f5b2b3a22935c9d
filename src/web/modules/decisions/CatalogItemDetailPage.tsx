// One catalog item: its fields, whether it is published, its decision, and 调出目录 (with the reason) in the workflow panel.
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { DetailPage } from '../../components/pages.tsx';
import type { CatalogItemView } from '../../../shared/schemas/decisions.ts';
import { CATALOG_PAGES } from './pages.ts';

export default function CatalogItemDetailPage() {
  return (
    <DetailPage<CatalogItemView & { title: string; status: string }>
      pages={CATALOG_PAGES}
      tags={(r) => (r.published ? <Tag color="green">已在门户网站公布</Tag> : <Tag>待党委同意后公布</Tag>)}
      extra={(r) => [{ label: '决策', value: r.decisionId ? <Link to={`/decisions/${r.decisionId}`}>查看决策办理情况</Link> : '尚未启动' }]}
    />
  );
}
