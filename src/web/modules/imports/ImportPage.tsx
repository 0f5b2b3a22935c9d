import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Row, Select, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, download, get } from '../../api.ts';

interface ImportTypeView {
  type: string;
  title: string;
  fields: { name: string; label: string; required?: boolean; note: string; example: string }[];
}
interface Result {
  rows: number;
  created: number;
  updated: number;
  dryRun: boolean;
  credentials?: { username: string; password: string }[];
}

export default function ImportPage() {
  const types = useQuery({ queryKey: ['import-types'], queryFn: () => get<{ items: ImportTypeView[] }>('/imports/types').then((r) => r.items) });
  // A help page's 导入 link names the type (?type=foi_requests).
  const [typeName, setTypeName] = useState<string | undefined>(() => new URLSearchParams(window.location.search).get('type') ?? undefined);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const client = useQueryClient();
  const type = types.data?.find((t) => t.type === typeName) ?? types.data?.[0];

  const upload = async (file: File) => {
    if (!type) return false;
    setBusy(true);
    setResult(null);
    setFailure(null);
    const form = new FormData();
    form.append('file', file);
    try {
      const r = await api<Result>('POST', `/imports/${type.type}${dryRun ? '?dryRun=true' : ''}`, form);
      setResult(r);
      message.success(dryRun ? '校验通过' : '导入成功');
      await client.invalidateQueries();
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
      else message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
    return false;
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card size="small" title="批量导入">
          <Select style={{ width: '100%', marginBottom: 12 }} value={type?.type} onChange={(v) => { setTypeName(v); setResult(null); setFailure(null); }}
            options={types.data?.map((t) => ({ value: t.type, label: t.title }))} />
          {type && (
            <Button icon={<DownloadOutlined />} onClick={() => download(`/imports/${type.type}/template`, `${type.title}导入模板.xlsx`)} style={{ marginBottom: 12 }}>
              下载导入模板（xlsx）
            </Button>
          )}
          <Upload.Dragger accept=".xlsx,.csv,.jsonl" showUploadList={false} beforeUpload={upload} disabled={!type || busy}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>点击或拖入 .xlsx / .csv / .jsonl 文件</p>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>整个文件全部校验通过才会写入；同一编号再次导入会更新原记录</Typography.Text>
          </Upload.Dragger>
          <Checkbox style={{ marginTop: 8 }} checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>只校验，不写入</Checkbox>
        </Card>
        {type && (
          // A file's author may write a column's or a value's code (unitCode, in_force) as well as its Chinese name: the notes say both.
          <Card size="small" title="字段说明" style={{ marginTop: 16 }} data-codes-shown="import-file-format">
            <Table size="small" rowKey="name" pagination={false} dataSource={type.fields}
              columns={[
                { title: '列名', dataIndex: 'label', width: 110, render: (v: string, f) => <>{v}{f.required && <Typography.Text type="danger"> *</Typography.Text>}</> },
                { title: '字段名', dataIndex: 'name', width: 100 },
                { title: '说明', dataIndex: 'note' },
              ]} />
          </Card>
        )}
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title="导入结果">
          {!result && !failure && <Typography.Text type="secondary">上传文件后在此显示结果。</Typography.Text>}
          {result && (
            <Alert type="success" showIcon message={`${result.dryRun ? '校验通过（未写入）' : '导入成功'}：共 ${result.rows} 行，新增 ${result.created}，更新 ${result.updated}`} />
          )}
          {result?.credentials && (
            <>
              <Alert style={{ marginTop: 12 }} type="warning" showIcon message="以下为新账号的一次性密码，只显示这一次，请妥善分发；首次登录须修改。" />
              <Table size="small" rowKey="username" pagination={false} dataSource={result.credentials} style={{ marginTop: 8 }}
                columns={[{ title: '用户名', dataIndex: 'username' }, { title: '一次性密码', dataIndex: 'password', render: (v: string) => <Typography.Text copyable code>{v}</Typography.Text> }]} />
            </>
          )}
          {failure && (
            <>
              <Alert type="error" showIcon message={failure.detail} />
              <Table size="small" rowKey={(_, i) => String(i)} pagination={{ pageSize: 50 }} style={{ marginTop: 8 }} dataSource={failure.errors}
                columns={[
                  { title: '行', dataIndex: 'row', width: 60 },
                  { title: '列', dataIndex: 'column', width: 200 },
                  { title: '原因', dataIndex: 'message' },
                ]} />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
