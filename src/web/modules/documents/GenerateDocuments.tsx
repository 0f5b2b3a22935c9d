// "生成文书" beside a record's evidence: the notices its status allows, each produced from the
// template in use, saved to the record's evidence and downloaded.
import { useState } from 'react';
import { App, Button, Dropdown, Tooltip } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { download, get, post } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import type { GeneratedDocument } from '../../../shared/schemas/documents.ts';

type Choice = { key: string; title: string; available: boolean; reason: string | null };

export function GenerateDocuments({ recordType, recordId, onMade }: { recordType: string; recordId: string; onMade(): void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // Asked again whenever the menu opens: the record's status decides what it may produce.
  const choices = useQuery({ queryKey: ['documents', recordType, recordId], queryFn: () => get<{ items: Choice[] }>(`/documents/${recordType}/${recordId}`).then((r) => r.items), staleTime: 0 });
  if (!choices.data?.length) return null;
  const make = async (choice: Choice) => {
    setBusy(true);
    try {
      const made = await post<GeneratedDocument>(`/documents/${recordType}/${recordId}/${choice.key}`);
      message.success(`已生成${choice.title}，并存入台账材料`);
      onMade();
      await download(`/attachments/${made.attachmentId}/download`, made.filename);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      onOpenChange={(open) => open && choices.refetch()}
      menu={{
        items: choices.data.map((c) => ({
          key: c.key,
          disabled: !c.available,
          label: c.available ? c.title : <Tooltip title={c.reason}>{c.title}</Tooltip>,
          onClick: () => make(c),
        })),
      }}
    >
      <Button size="small" icon={<FileWordOutlined />} loading={busy} data-testid="generate-document">
        生成文书
      </Button>
    </Dropdown>
  );
}
