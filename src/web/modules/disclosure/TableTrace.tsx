// The records behind a cell of the disclosure report's tables, in a drawer; the cross-checks,
// each failure with the requests that make it fail.
import { Alert, Drawer, List, Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import type { CellRecord, DisclosureReportCheck } from '../../../shared/schemas/disclosure-report.ts';
import type { Cell } from './ReportTables.tsx';
import { linkedTitle } from '../../components/columns.tsx';

/** `url` says where a cell's records are read: counted now, or as a report was approved. */
export function CellDrawer({ cell, url, onClose }: { cell: Cell | null; url: (cell: Cell) => string; onClose: () => void }) {
  const records = useQuery({
    queryKey: ['disclosure-cell', cell && url(cell)],
    enabled: !!cell,
    queryFn: () => get<{ items: CellRecord[] }>(url(cell!)),
  });
  return (
    <Drawer open={!!cell} width={680} title={cell && `${cell.title}：${cell.count} 件`} onClose={onClose}>
      <Table<CellRecord>
        rowKey="id"
        size="small"
        loading={records.isLoading}
        dataSource={records.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 件` }}
        columns={[
          linkedTitle('记录'),
          { title: '单位', dataIndex: 'unitName', width: 160 },
          { title: '日期', dataIndex: 'date', width: 110 },
        ]}
      />
    </Drawer>
  );
}

export function ChecksAlert({ checks }: { checks: DisclosureReportCheck[] }) {
  const failed = checks.filter((c) => !c.ok);
  if (!failed.length) return <Alert type="success" showIcon message="表三勾稽关系校验通过：各列“本年新收 + 上年结转”等于“办理结果总计 + 结转下年度”" data-testid="checks-passed" />;
  return (
    <Alert
      type="error"
      showIcon
      message={`校验未通过（${failed.length} 项），报告审定前须更正台账`}
      description={
        <List
          size="small"
          dataSource={failed}
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <span>{c.message}</span>
                <Space wrap size={4}>{c.recordIds.slice(0, 20).map((id, i) => <Link key={id} to={`/foi/${id}`}>申请{i + 1}</Link>)}</Space>
              </Space>
            </List.Item>
          )}
        />
      }
      data-testid="checks-failed"
    />
  );
}
