// 普法 / 学法: the ledgers of duty lists, activities, 法律明白人 (with the coverage of villages against
// the target), demonstration villages (with their re-check deadlines) and study sessions, and their
// record pages. From the record definitions.
import { useState } from 'react';
import { Alert, App, Button, Col, InputNumber, Row, Select, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, put } from '../../api.ts';
import { DetailPage, LedgerPage } from '../../components/pages.tsx';
import { DueTag, dueValue } from '../../components/Light.tsx';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { useAuth } from '../../auth.tsx';
import { TabsCard } from '../../components/TabsCard.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { PUFA_DUTY_CORRECTABLE, type Coverage, type EducationSettings, type LegalLiterateView, type ModelVillageView, type PufaActivityView, type PufaDutyView, type StudySessionView, type VillageCoverage } from '../../../shared/schemas/education.ts';
import { LEGAL_LITERATE_PAGES, MODEL_VILLAGE_PAGES, PUFA_ACTIVITY_PAGES, PUFA_DUTY_PAGES, STUDY_SESSION_PAGES } from './pages.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

const thisYear = () => Number(chinaDate().slice(0, 4));

export function PufaDutiesPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<PufaDutyView>
      pages={PUFA_DUTY_PAGES}
      title="普法责任清单（谁执法谁普法）"
      measure="份"
      create={can('education.manage') && { title: '制定普法责任清单', submitText: '保存', initialValues: { unitId: me?.unit.id, year: thisYear() } }}
      link="laws"
    />
  );
}

export function PufaActivitiesPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<PufaActivityView>
      pages={PUFA_ACTIVITY_PAGES}
      title="普法活动"
      measure="场"
      status={false}
      create={can('education.manage') && { title: '登记普法活动', submitText: '登记', initialValues: { unitId: me?.unit.id, date: chinaDate(), kind: 'community' } }}
      link="title"
    />
  );
}

/** A village's colour against the target: none (red), short (orange), met (green). */
const tone = (v: VillageCoverage, target: number) => (v.count === 0 ? 'red' : v.count < target ? 'orange' : 'green');

function CoverageView() {
  const { canSetShared } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const [target, setTarget] = useState<number | null>(null);
  const coverage = useQuery({ queryKey: ['/legal-literates/coverage', year], queryFn: () => get<Coverage>(`/legal-literates/coverage?year=${year}`) });
  const data = coverage.data;
  const saveTarget = async () => {
    try {
      await put<EducationSettings>('/education-settings', { literatesPerVillage: target });
      message.success('已保存每村（社区）目标数');
      setTarget(null);
      void client.invalidateQueries({ queryKey: ['/legal-literates/coverage'] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const towns = [...new Map((data?.villages ?? []).map((v) => [v.townName ?? '（未归属乡镇）', 0])).keys()].sort((a, b) => a.localeCompare(b, 'zh'));
  return (
    <>
      <ErrorNotice error={coverage.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <span>年度（年末在册）</span>
        <Select size="small" value={year} onChange={setYear} style={{ width: 100 }} options={[0, 1, 2, 3].map((d) => ({ value: thisYear() - d, label: `${thisYear() - d} 年` }))} />
        {data && (
          <span>
            每村（社区）目标：<b>{data.target}</b> 人
          </span>
        )}
        {canSetShared('education.settings') && (
          <Space size={4}>
            <InputNumber size="small" min={1} max={100} placeholder="新目标" value={target} onChange={(v) => setTarget(v)} aria-label="每村（社区）法律明白人目标数" />
            <Button size="small" disabled={!target} onClick={saveTarget}>修改目标</Button>
          </Space>
        )}
        <Space size={4}>
          <Tag color="green">达标</Tag>
          <Tag color="orange">不足</Tag>
          <Tag color="red">空白</Tag>
        </Space>
      </Space>
      {data && (
        <>
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col span={6}><Statistic title="村（社区）" value={data.total} suffix="个" /></Col>
            <Col span={6}><Statistic title="达标村（社区）" value={data.meeting} suffix="个" /></Col>
            <Col span={6}><Statistic title="覆盖率" value={data.total ? Math.round((data.meeting / data.total) * 1000) / 10 : 0} suffix="%" /></Col>
            <Col span={6}><Statistic title="在册法律明白人" value={data.people} suffix="人" /></Col>
          </Row>
          {data.total > data.meeting && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`${data.total - data.meeting} 个村（社区）法律明白人不足 ${data.target} 人`} />}
          <Table<{ town: string }>
            size="small"
            rowKey="town"
            pagination={false}
            dataSource={towns.map((town) => ({ town }))}
            columns={[
              { key: 'town', title: '乡镇（街道）', dataIndex: 'town', width: 160 },
              {
                key: 'villages',
                title: '村（社区）在册人数',
                render: (_, row) => (
                  <Space size={[4, 4]} wrap>
                    {data.villages
                      .filter((v) => (v.townName ?? '（未归属乡镇）') === row.town)
                      .map((v) => (
                        <Tooltip key={v.unitId} title={v.meets ? '已达标' : `还差 ${data.target - v.count} 人`}>
                          <Tag color={tone(v, data.target)} data-testid={`coverage-${v.unitCode}`}>
                            {v.unitName}：{v.count}
                          </Tag>
                        </Tooltip>
                      ))}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}

export function LegalLiteratesPage() {
  const { can } = useAuth();
  return (
    <TabsCard
      title="法律明白人"
      items={[
        {
          key: 'registry',
          label: '名册',
          children: (
            <LedgerPage<LegalLiteratePageView>
              pages={LEGAL_LITERATE_PAGES}
              title="法律明白人名册"
              measure="人"
              create={can('education.manage') && { title: '登记法律明白人', submitText: '登记', initialValues: { trainedDate: chinaDate() } }}
              link="name"
              trailing={[{ key: 'townName', title: '乡镇（街道）', dataIndex: 'townName', width: 120 }]}
            />
          ),
        },
        { key: 'coverage', label: '村（社区）覆盖情况', children: <CoverageView /> },
      ]}
    />
  );
}
type LegalLiteratePageView = LegalLiterateView & Record<string, unknown>;

export function ModelVillagesPage() {
  const { can } = useAuth();
  return (
    <LedgerPage<ModelVillageView & Record<string, unknown>>
      pages={MODEL_VILLAGE_PAGES}
      measure="个"
      create={can('education.villages') && { title: '登记示范村（社区）', submitText: '登记', initialValues: { level: 'provincial', namedYear: thisYear() - 1 } }}
      link="unitId"
      trailing={[
        { key: 'townName', title: '乡镇（街道）', dataIndex: 'townName', width: 110 },
        { key: 'due', title: <RuleLabel label="下次复核期限" rules={['pufa.model_village_recheck']} />, width: 170, render: (_, v) => (v.light && v.due ? <DueTag due={v.due} light={v.light} /> : '—') },
      ]}
    />
  );
}

export function StudySessionsPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<StudySessionView>
      pages={STUDY_SESSION_PAGES}
      title="学法用法（会前学法、中心组学法、法治培训、法治考试）"
      measure="次"
      status={false}
      create={can('education.manage') && { title: '登记学法活动', submitText: '登记', initialValues: { unitId: me?.unit.id, date: chinaDate(), kind: 'standing_meeting' } }}
      link="topic"
    />
  );
}

export function PufaDutyDetailPage() {
  const { can } = useAuth();
  return <DetailPage<PufaDutyView> pages={PUFA_DUTY_PAGES} edit={{ only: PUFA_DUTY_CORRECTABLE, title: '修改普法责任清单', may: (d) => can('education.manage') && d.status === 'planned' }} />;
}

export function PufaActivityDetailPage() {
  const { can } = useAuth();
  return <DetailPage<PufaActivityView> pages={PUFA_ACTIVITY_PAGES} edit={{ only: ['unitId', 'title', 'date', 'kind', 'audience', 'materials'], title: '更正普法活动', may: () => can('education.manage') }} />;
}

export function LegalLiterateDetailPage() {
  const { can } = useAuth();
  return (
    <DetailPage<LegalLiterateView>
      pages={LEGAL_LITERATE_PAGES}
      sealed={{ phone: '手机号码' }}
      extra={(p) => [{ label: '乡镇（街道）', value: p.townName ?? '—' }]}
      edit={{ only: ['unitId', 'name', 'role', 'phone', 'trainedDate'], title: '更正法律明白人信息', may: (p) => can('education.manage') && p.status === 'active' }}
    />
  );
}

export function ModelVillageDetailPage() {
  const { can } = useAuth();
  return (
    <DetailPage<ModelVillageView>
      pages={MODEL_VILLAGE_PAGES}
      extra={(v) => [
        { label: '乡镇（街道）', value: v.townName ?? '—' },
        { label: '下次复核期限', rules: ['pufa.model_village_recheck'], value: v.due ? dueValue(v.due, v.light) : '—' },
      ]}
      edit={{ only: ['level', 'namedYear'], title: '更正命名信息', may: (v) => can('education.villages') && v.status === 'named' }}
    />
  );
}

export function StudySessionDetailPage() {
  const { can } = useAuth();
  return <DetailPage<StudySessionView> pages={STUDY_SESSION_PAGES} edit={{ only: ['unitId', 'topic', 'date', 'kind', 'attendance', 'passed', 'speaker'], title: '更正学法活动', may: () => can('education.manage') }} />;
}
