// 文书模板: every notice the platform produces, with its placeholders; the law office downloads a
// template, edits it in Word and uploads it back, or restores the default.
import { App, Button, Popover, Space, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { errorText } from '../../components/ErrorNotice.tsx';
import type { DocumentTemplateView } from '../../../shared/schemas/documents.ts';
import { ListCard } from '../../components/ListCard.tsx';
import { chinaTime } from '../../../shared/records.ts';

export default function DocumentTemplatesPage() {
  const { canSetShared } = useAuth();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const templates = useQuery({ queryKey: ['document-templates'], queryFn: () => api<{ items: DocumentTemplateView[] }>('GET', '/document-templates').then((r) => r.items) });
  const manage = canSetShared('document_template.manage');
  const refresh = () => client.invalidateQueries({ queryKey: ['document-templates'] });

  const replace = async (t: DocumentTemplateView, file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      await api('PUT', `/document-templates/${t.key}`, body);
      message.success(`已替换${t.title}的模板`);
      refresh();
    } catch (e) {
      modal.error({ title: '模板未能替换', content: errorText(e) });
    }
    return false;
  };
  const restore = (t: DocumentTemplateView) =>
    modal.confirm({
      title: `恢复${t.title}的默认模板？`,
      content: '本县上传的模板将不再使用，已生成的文书不受影响。',
      okText: '恢复默认',
      onOk: async () => {
        await api('DELETE', `/document-templates/${t.key}`);
        message.success('已恢复默认模板');
        refresh();
      },
    });

  return (
    <ListCard<DocumentTemplateView> title="文书模板"
      rowKey="key"
      loading={templates.isLoading}
      rows={templates.data}
      error={templates.error}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '文书', dataIndex: 'title', width: 220 },
        { title: '记录', dataIndex: 'recordTitle', width: 140 },
        { title: '可生成的状态', dataIndex: 'statuses', render: (s: string[]) => s.join('、') },
        { title: '模板', dataIndex: 'custom', width: 200, render: (custom: boolean, t) => (custom ? <Tag color="blue">本县模板 · {chinaTime(t.updatedAt ?? '').slice(0, 10)}</Tag> : <Tag>默认模板</Tag>) },
        {
          title: '占位符',
          key: 'placeholders',
          width: 100,
          render: (_, t) => (
            <Popover title={`${t.title}可用的占位符`} content={<div style={{ maxWidth: 420, maxHeight: 360, overflow: 'auto' }}>{t.placeholders.map((p) => <div key={p.name}><Typography.Text code>{`{${p.name}}`}</Typography.Text> <Typography.Text type="secondary">{p.note}</Typography.Text></div>)}</div>}>
              <Button size="small" type="link">{t.placeholders.length} 个</Button>
            </Popover>
          ),
        },
        {
          title: '操作',
          key: 'actions',
          fixed: 'right',
          width: 260,
          render: (_, t) => (
            <Space size={0}>
              <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => download(`/document-templates/${t.key}/file`, `${t.title}模板.docx`).catch((e) => message.error(errorText(e)))}>下载模板</Button>
              {manage && (
                <Upload accept=".docx" showUploadList={false} beforeUpload={(file) => replace(t, file)}>
                  <Button size="small" type="link" icon={<UploadOutlined />}>上传替换</Button>
                </Upload>
              )}
              {manage && t.custom && <Button size="small" type="link" danger onClick={() => restore(t)}>恢复默认</Button>}
            </Space>
          ),
        },
      ]}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>下载模板，在 Word 中修改文字与格式，保留花括号中的占位符后上传替换；生成的文书存入记录的台账材料。</Typography.Paragraph>
    </ListCard>
  );
}
