// One catalog item: its fields, whether it is published, its decision, 更正 (once published, with the
// reason; each version kept on its timeline) and 调出目录 (with the reason) in the workflow panel.
import { Form, Input, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { DetailPage } from '../../components/pages.tsx';
import { EditRecord } from '../../components/records.tsx';
import { useAuth } from '../../auth.tsx';
import { CATALOG_ITEM, CATALOG_RECORD_TYPE, type CatalogItemView } from '../../../shared/schemas/decisions.ts';
import { CATALOG_PAGES } from './pages.ts';

/** The fields a catalog item's 更正 may change. */
export const CATALOG_CORRECTABLE = ['year', 'title', 'unitId', 'plannedDate', 'consentDate', 'addedReason'] as const;

/** 更正 of a catalog item: its fields, and the reason once the item is published. */
export function CorrectCatalogItem({ item, button, onSaved }: { item: CatalogItemView; button?: boolean; onSaved?: () => void }) {
  return (
    <EditRecord def={CATALOG_ITEM} record={item} api="/decision-catalog" only={CATALOG_CORRECTABLE} title="更正目录事项" button={button} onSaved={onSaved}>
      <Form.Item
        name="changeReason"
        label="更正理由"
        rules={item.published ? [{ required: true, whitespace: true, message: '该事项已随目录公布，请填写更正理由' }] : []}
        extra="与更正前的内容一并记入事项的历次版本（办理记录）"
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </EditRecord>
  );
}

export default function CatalogItemDetailPage() {
  const { can } = useAuth();
  const client = useQueryClient();
  return (
    <DetailPage<CatalogItemView & { title: string; status: string }>
      pages={CATALOG_PAGES}
      tags={(r) => (
        <Space size={6}>
          {r.published ? <Tag color="green">已在门户网站公布</Tag> : <Tag>待党委同意后公布</Tag>}
          {can('decision.catalog') && r.status === 'listed' && <CorrectCatalogItem item={r} button onSaved={() => void client.invalidateQueries({ queryKey: ['workflow', CATALOG_RECORD_TYPE, r.id] })} />}
        </Space>
      )}
      extra={(r) => [{ label: '决策', value: r.decisionId ? <Link to={`/decisions/${r.decisionId}`}>查看决策办理情况</Link> : '尚未启动' }]}
    />
  );
}
