// The staff side of an online application (kernel/public) on its record's page: the tracking code,
// what the applicant sent (with the application and with each supplement), and the record's
// documents, any of which staff send to the applicant — who then downloads it with code and secret.
// Shown only for records that came in through the portal.
import { App, Button, Card, List, Space, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../api.ts';
import { useSubmit } from './useSubmit.ts';
import type { SubmissionCardView } from '../../server/kernel/public/types.ts';
import { chinaTime } from '../../shared/records.ts';

const fileLink = (file: { id: string; filename: string }) => <a href={`/api/v1/public-submissions/files/${file.id}/download`}>{file.filename}</a>;

function ApplicantFiles({ card }: { card: SubmissionCardView }) {
  const files = card.files.filter((f) => f.stage === 'application');
  return (
    <>
      <Typography.Title level={5}>申请人提交的材料</Typography.Title>
      {files.length ? <Space wrap>{files.map((f) => <span key={f.id}>{fileLink(f)}</span>)}</Space> : <Typography.Text type="secondary">未附材料</Typography.Text>}
      {card.answers.map((a, i) => (
        <div key={i} style={{ marginTop: 8 }}>
          <Typography.Text strong>{a.answeredOn} 网上补正：</Typography.Text>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.text}</Typography.Paragraph>
          {a.files.length > 0 && <Space wrap>{a.files.map((f) => <span key={f.id}>{fileLink(f)}</span>)}</Space>}
        </div>
      ))}
    </>
  );
}

export function SubmissionCard({ recordType, recordId }: { recordType: string; recordId: string }) {
  const { modal } = App.useApp();
  const { run } = useSubmit();
  const client = useQueryClient();
  const key = ['public-submission', recordType, recordId];
  const query = useQuery({ queryKey: key, queryFn: () => get<{ submission: SubmissionCardView | null }>(`/public-submissions?recordType=${recordType}&recordId=${recordId}`) });
  const card = query.data?.submission;
  if (!card) return null;

  const refresh = () => {
    client.invalidateQueries({ queryKey: key });
    client.invalidateQueries({ queryKey: ['attachments', recordType, recordId] });
    client.invalidateQueries({ queryKey: ['workflow', recordType, recordId] });
  };
  const release = (doc: SubmissionCardView['documents'][number]) =>
    modal.confirm({
      title: `发送给申请人：${doc.filename}`,
      content: '发送后，申请人可凭查询码和查询密码下载这份文书；发送不能撤回。',
      okText: '发送',
      onOk: async () => {
        if (await run(() => post(`/public-submissions/${card.id}/releases`, { attachmentId: doc.attachmentId }), `已发送给申请人：${doc.filename}`)) refresh();
      },
    });
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('recordType', recordType);
    body.append('recordId', recordId);
    body.append('file', file);
    if (await run(() => post('/attachments', body), `已上传 ${file.name}，可发送给申请人`)) refresh();
    return false;
  };

  return (
    <Card size="small" style={{ marginBottom: 12 }} title={<Space>网上申请<Tag color="blue">查询码 {card.code}</Tag></Space>} extra={<Typography.Text type="secondary">{chinaTime(card.submittedAt).slice(0, 16)} 提交</Typography.Text>}>
      <Typography.Paragraph type="secondary">申请人凭查询码查看办理状态、期限，以及发送给他的文书；通知补正时填写的说明会显示给申请人，申请人可在网上补正。</Typography.Paragraph>
      <ApplicantFiles card={card} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        答复文书
      </Typography.Title>
      <List
        size="small"
        dataSource={card.documents}
        locale={{ emptyText: '本案尚无台账材料：上传答复书或决定书后，可发送给申请人' }}
        renderItem={(d) => (
          <List.Item actions={[d.releasedAt ? <Tag color="green">{chinaTime(d.releasedAt).slice(0, 10)} 已发送</Tag> : card.canRelease && <Button size="small" onClick={() => release(d)} data-testid={`release-${d.filename}`}>发送给申请人</Button>]}>
            <a href={`/api/v1/attachments/${d.attachmentId}/download`}>{d.filename}</a>
          </List.Item>
        )}
      />
      {card.canRelease && (
        <div data-testid="portal-upload" style={{ marginTop: 8 }}>
          <Upload beforeUpload={upload} showUploadList={false}>
            <Button size="small" icon={<UploadOutlined />}>
              上传答复文书
            </Button>
          </Upload>
        </div>
      )}
    </Card>
  );
}
