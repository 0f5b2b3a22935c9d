// Routes, menu and access in one place. Access flags come from the server's permission list.
import { lazy, type ComponentType, type ReactNode } from 'react';
import ChangePasswordPage from './pages/ChangePasswordPage.tsx';
import { AccountTwoFactorPage } from './pages/TwoFactorSetupPage.tsx';
import { FileWordOutlined, NumberOutlined } from '@ant-design/icons';
import { ClearOutlined, SolutionOutlined } from '@ant-design/icons';
import { ReadOutlined, TableOutlined, TrophyOutlined } from '@ant-design/icons';
import { FileProtectOutlined, IdcardOutlined, SafetyCertificateOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { AccountBookOutlined, BookOutlined, CustomerServiceOutlined, EnvironmentOutlined, FlagOutlined, ScheduleOutlined, SoundOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { AlertOutlined, DashboardOutlined, CommentOutlined, TeamOutlined as ProposalIcon, BankOutlined, FileTextOutlined, AuditOutlined as ReviewIcon, ApartmentOutlined, AuditOutlined, BarChartOutlined, BellOutlined, FileSearchOutlined, NotificationOutlined, SafetyOutlined, OrderedListOutlined, ProfileOutlined, CalendarOutlined, CheckSquareOutlined, CloudUploadOutlined, FieldTimeOutlined, HomeOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';

export interface AppRoute {
  path: string;
  label: string;
  icon?: ReactNode;
  /** Shown and reachable when the user holds any of these permissions ('session': any signed-in user). */
  anyOf: string[];
  inMenu: boolean;
  group?: string;
  /** County-wide administration: in the menu only for roles whose scope is the whole county (a unit's liaison reads the tree through pickers). */
  countyWide?: boolean;
  /** Detail pages under another path (a task under 任务台账): the menu items that stay highlighted on them. */
  detailPrefixes?: string[];
  /** Rendered without the Shell (no menu, no header): the 驾驶舱 meeting-room screen. */
  bare?: boolean;
  page: ComponentType;
}

type Load = () => Promise<{ default: ComponentType }>;

/** One of the pages a module's file exports by name. */
const named = <M,>(load: () => Promise<M>, name: keyof M & string): Load => () => load().then((m) => ({ default: m[name] as ComponentType }));
const audits = () => import('./modules/audits/AuditPages.tsx');
const education = () => import('./modules/education/EducationPages.tsx');
const legalServices = () => import('./modules/legal-services/LegalServicesPages.tsx');

/** A ledger in the menu and its records' page at `${path}/:id` (named `recordLabel`), reachable with the same permissions. */
const ledger = ({ page, ...route }: Omit<AppRoute, 'inMenu' | 'page'> & { page: Load }, recordLabel: string, recordPage: Load): AppRoute[] => [
  { ...route, inMenu: true, page: lazy(page) },
  { path: `${route.path}/:id`, label: recordLabel, anyOf: route.anyOf, inMenu: false, page: lazy(recordPage) },
];

export const APP_ROUTES: AppRoute[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, anyOf: ['session'], inMenu: true, page: lazy(() => import('./pages/HomePage.tsx')) },
  { path: '/todo', label: '我的待办', icon: <CheckSquareOutlined />, anyOf: ['matter.read'], inMenu: true, page: lazy(() => import('./modules/workflow/TodoPage.tsx')) },
  { path: '/plans', label: '任务台账', icon: <OrderedListOutlined />, anyOf: ['plan.manage', 'indicator.read'], inMenu: true, detailPrefixes: ['/tasks/'], group: '督查督办', page: lazy(() => import('./modules/plans/TasksPage.tsx')) },
  { path: '/my-tasks', label: '本单位任务', icon: <ProfileOutlined />, anyOf: ['plan.report'], inMenu: true, detailPrefixes: ['/tasks/'], group: '督查督办', page: lazy(() => import('./modules/plans/MyTasksPage.tsx')) },
  { path: '/tasks/:id', label: '任务详情', anyOf: ['plan.read'], inMenu: false, page: lazy(() => import('./modules/plans/TaskDetailPage.tsx')) },
  { path: '/dashboard', label: '驾驶舱', icon: <DashboardOutlined />, anyOf: ['indicator.read'], inMenu: true, detailPrefixes: ['/units/'], group: '统计分析', page: lazy(() => import('./modules/dashboard/DashboardPage.tsx')) },
  { path: '/dashboard/screen', label: '驾驶舱大屏', anyOf: ['indicator.read'], inMenu: false, bare: true, page: lazy(() => import('./modules/dashboard/ScreenPage.tsx')) },
  { path: '/units/:id/profile', label: '法治画像', anyOf: ['indicator.read'], inMenu: false, page: lazy(() => import('./modules/dashboard/UnitProfilePage.tsx')) },
  ...ledger({ path: '/reports', label: '年度报告', icon: <FileTextOutlined />, anyOf: ['report.read'], group: '统计分析', page: () => import('./modules/reports/ReportsPage.tsx') }, '年度报告', () => import('./modules/reports/ReportDetailPage.tsx')),
  { path: '/indicators', label: '指标统计', icon: <BarChartOutlined />, anyOf: ['indicator.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/indicators/IndicatorsPage.tsx')) },
  ...ledger({ path: '/inspections', label: '督察安排', icon: <FileSearchOutlined />, anyOf: ['supervision.read'], group: '督查督办', page: () => import('./modules/supervision/InspectionsPage.tsx') }, '督察详情', () => import('./modules/supervision/InspectionDetailPage.tsx')),
  ...ledger({ path: '/findings', label: '问题整改', icon: <SafetyOutlined />, anyOf: ['supervision.read'], group: '督查督办', page: () => import('./modules/supervision/FindingsPage.tsx') }, '问题详情', () => import('./modules/supervision/FindingDetailPage.tsx')),
  ...ledger({ path: '/notices', label: '通报与督办单', icon: <NotificationOutlined />, anyOf: ['supervision.read'], group: '督查督办', page: () => import('./modules/supervision/NoticesPage.tsx') }, '通报或督办单', () => import('./modules/supervision/NoticeDetailPage.tsx')),
  { path: '/problems', label: '问题池', icon: <AlertOutlined />, anyOf: ['problem.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/problems/ProblemsPage.tsx')) },
  ...ledger({ path: '/review', label: '行政复议', icon: <ReviewIcon />, anyOf: ['review.read'], group: '案件办理', page: () => import('./modules/reconsideration/ReconsiderationCasesPage.tsx') }, '复议案件', () => import('./modules/reconsideration/ReconsiderationCaseDetailPage.tsx')),
  ...ledger({ path: '/litigation', label: '行政应诉', icon: <BankOutlined />, anyOf: ['litigation.read'], group: '案件办理', page: () => import('./modules/litigation/LitigationCasesPage.tsx') }, '应诉案件', () => import('./modules/litigation/LitigationCaseDetailPage.tsx')),
  ...ledger({ path: '/foi', label: '依申请公开', icon: <FileTextOutlined />, anyOf: ['foi.read'], group: '案件办理', page: () => import('./modules/disclosure/DisclosureRequestsPage.tsx') }, '公开申请', () => import('./modules/disclosure/DisclosureRequestDetailPage.tsx')),
  ...ledger({ path: '/foi/reports', label: '信息公开年报', icon: <FileWordOutlined />, anyOf: ['foi.read'], group: '统计分析', page: () => import('./modules/disclosure/FoiReportsPage.tsx') }, '政府信息公开工作年度报告', () => import('./modules/disclosure/FoiReportPage.tsx')),
  { path: '/foi/fees', label: '行政事业性收费', icon: <ProfileOutlined />, anyOf: ['foi.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/disclosure/FeesPage.tsx')) },
  { path: '/foi/annual-tables', label: '公开年报统计表', icon: <TableOutlined />, anyOf: ['foi.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/disclosure/DisclosureTablesPage.tsx')) },
  ...ledger({ path: '/disputes', label: '矛盾纠纷调解', icon: <CommentOutlined />, anyOf: ['mediation.read'], group: '案件办理', page: () => import('./modules/mediation/DisputesPage.tsx') }, '纠纷详情', () => import('./modules/mediation/DisputeDetailPage.tsx')),
  ...ledger({ path: '/proposals', label: '建议提案', icon: <ProposalIcon />, anyOf: ['proposal.read'], group: '案件办理', page: () => import('./modules/proposals/ProposalsPage.tsx') }, '建议提案详情', () => import('./modules/proposals/ProposalDetailPage.tsx')),
  ...ledger({ path: '/audits', label: '审计项目', icon: <AccountBookOutlined />, anyOf: ['audits.read'], group: '审计与普法', page: named(audits, 'AuditProjectsPage') }, '审计项目', named(audits, 'AuditProjectDetailPage')),
  ...ledger({ path: '/audit-findings', label: '审计问题整改', icon: <SafetyOutlined />, anyOf: ['audits.read'], group: '审计与普法', page: named(audits, 'AuditFindingsPage') }, '审计发现问题', named(audits, 'AuditFindingDetailPage')),
  ...ledger({ path: '/pufa-duties', label: '普法责任清单', icon: <ScheduleOutlined />, anyOf: ['education.read'], group: '审计与普法', page: named(education, 'PufaDutiesPage') }, '普法责任清单', named(education, 'PufaDutyDetailPage')),
  ...ledger({ path: '/pufa-activities', label: '普法活动', icon: <SoundOutlined />, anyOf: ['education.read'], group: '审计与普法', page: named(education, 'PufaActivitiesPage') }, '普法活动', named(education, 'PufaActivityDetailPage')),
  ...ledger({ path: '/legal-literates', label: '法律明白人', icon: <UserSwitchOutlined />, anyOf: ['education.read'], group: '审计与普法', page: named(education, 'LegalLiteratesPage') }, '法律明白人', named(education, 'LegalLiterateDetailPage')),
  ...ledger({ path: '/model-villages', label: '民主法治示范村', icon: <FlagOutlined />, anyOf: ['education.read'], group: '审计与普法', page: named(education, 'ModelVillagesPage') }, '民主法治示范村（社区）', named(education, 'ModelVillageDetailPage')),
  ...ledger({ path: '/study-sessions', label: '学法用法', icon: <BookOutlined />, anyOf: ['education.read'], group: '审计与普法', page: named(education, 'StudySessionsPage') }, '学法活动', named(education, 'StudySessionDetailPage')),
  ...ledger({ path: '/legal-aid', label: '法律援助', icon: <CustomerServiceOutlined />, anyOf: ['legal_services.read'], group: '公共法律服务', page: named(legalServices, 'LegalAidPage') }, '法律援助案件', named(legalServices, 'LegalAidDetailPage')),
  ...ledger({ path: '/notarizations', label: '公证与法律咨询', icon: <FileProtectOutlined />, anyOf: ['legal_services.read'], detailPrefixes: ['/legal-consultations/'], group: '公共法律服务', page: named(legalServices, 'MonthlyCountsPage') }, '公证办理统计', named(legalServices, 'NotarizationDetailPage')),
  { path: '/legal-consultations/:id', label: '法律咨询统计', anyOf: ['legal_services.read'], inMenu: false, page: lazy(named(legalServices, 'ConsultationDetailPage')) },
  ...ledger({ path: '/legal-service-stations', label: '服务站点', icon: <EnvironmentOutlined />, anyOf: ['legal_services.read'], group: '公共法律服务', page: named(legalServices, 'StationsPage') }, '公共法律服务站点', named(legalServices, 'StationDetailPage')),
  ...ledger({ path: '/assessment/schemes', label: '法治建设考评', icon: <TrophyOutlined />, anyOf: ['assessment.read'], group: '统计分析', page: () => import('./modules/assessment/SchemesPage.tsx') }, '考评方案', () => import('./modules/assessment/SchemeDetailPage.tsx')),
  ...ledger({ path: '/assessment/reports', label: '述法报告', icon: <ReadOutlined />, anyOf: ['assessment.read'], group: '统计分析', page: () => import('./modules/assessment/ReportsPage.tsx') }, '述法报告', () => import('./modules/assessment/ReportDetailPage.tsx')),
  ...ledger({ path: '/enforcement/bodies', label: '执法主体', icon: <SafetyCertificateOutlined />, anyOf: ['enforcement.read'], group: '行政执法', page: () => import('./modules/enforcement/BodiesPage.tsx') }, '执法主体', () => import('./modules/enforcement/BodyDetailPage.tsx')),
  ...ledger({ path: '/enforcement/officers', label: '执法人员', icon: <IdcardOutlined />, anyOf: ['enforcement.read'], group: '行政执法', page: () => import('./modules/enforcement/OfficersPage.tsx') }, '执法人员', () => import('./modules/enforcement/OfficerDetailPage.tsx')),
  { path: '/enforcement/lists', label: '四张清单与检查事项', icon: <UnorderedListOutlined />, anyOf: ['enforcement.read'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/ListsPage.tsx')) },
  ...ledger({ path: '/enforcement/cases', label: '行政执法案件', icon: <FileProtectOutlined />, anyOf: ['enforcement.read'], group: '行政执法', page: () => import('./modules/enforcement/CasesPage.tsx') }, '行政执法案件', () => import('./modules/enforcement/CaseDetailPage.tsx')),
  ...ledger({ path: '/enforcement/file-reviews', label: '案卷评查', icon: <FileSearchOutlined />, anyOf: ['enforcement.supervise'], group: '行政执法', page: () => import('./modules/enforcement/FileReviewsPage.tsx') }, '案卷评查', () => import('./modules/enforcement/FileReviewCampaignPage.tsx')),
  ...ledger({ path: '/enforcement/supervisions', label: '行政执法监督', icon: <SafetyOutlined />, anyOf: ['enforcement.read'], group: '行政执法', page: () => import('./modules/enforcement/SupervisionsPage.tsx') }, '行政执法监督', () => import('./modules/enforcement/SupervisionDetailPage.tsx')),
  ...ledger({ path: '/enforcement/complaints', label: '投诉举报', icon: <CommentOutlined />, anyOf: ['enforcement.read'], group: '行政执法', page: () => import('./modules/enforcement/ComplaintsPage.tsx') }, '投诉举报', () => import('./modules/enforcement/ComplaintDetailPage.tsx')),
  { path: '/enforcement/transfers', label: '两法衔接', icon: <SendOutlined />, anyOf: ['enforcement.read'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/Transfers.tsx')) },
  { path: '/enforcement/file-review-results', label: '案卷评查结果', icon: <FileSearchOutlined />, anyOf: ['enforcement.case'], inMenu: true, group: '行政执法', page: lazy(named(() => import('./modules/enforcement/FileReviewsPage.tsx'), 'FileReviewResultsPage')) },
  ...ledger({ path: '/normative-docs', label: '规范性文件', icon: <FileTextOutlined />, anyOf: ['normdoc.read'], group: '合法性审查', page: () => import('./modules/normative/NormativeDocsPage.tsx') }, '规范性文件', () => import('./modules/normative/NormativeDocDetailPage.tsx')),
  ...ledger({ path: '/legal-reviews', label: '合法性审查', icon: <ReviewIcon />, anyOf: ['legal_review.read'], group: '合法性审查', page: () => import('./modules/normative/LegalReviewsPage.tsx') }, '审查事项', () => import('./modules/normative/LegalReviewDetailPage.tsx')),
  ...ledger({ path: '/normdoc-cleanups', label: '文件清理', icon: <ClearOutlined />, anyOf: ['normdoc.read'], group: '合法性审查', page: () => import('./modules/normative/CleanupsPage.tsx') }, '文件清理', () => import('./modules/normative/CleanupDetailPage.tsx')),
  ...ledger({ path: '/legal-advisors', label: '法律顾问', icon: <SolutionOutlined />, anyOf: ['advisor.read'], group: '合法性审查', page: () => import('./modules/normative/AdvisorsPage.tsx') }, '法律顾问', () => import('./modules/normative/AdvisorDetailPage.tsx')),
  { path: '/normdoc-check-rules', label: '预审规则', icon: <FileSearchOutlined />, anyOf: ['normdoc.review', 'normdoc.rules'], inMenu: true, group: '合法性审查', page: lazy(() => import('./modules/normative/CheckRulesPage.tsx')) },
  ...ledger({ path: '/decision-catalog', label: '决策事项目录', icon: <OrderedListOutlined />, anyOf: ['decision.read'], group: '依法决策', page: () => import('./modules/decisions/CatalogPage.tsx') }, '目录事项', () => import('./modules/decisions/CatalogItemDetailPage.tsx')),
  ...ledger({ path: '/decisions', label: '重大行政决策', icon: <AuditOutlined />, anyOf: ['decision.read'], group: '依法决策', page: () => import('./modules/decisions/DecisionsPage.tsx') }, '重大行政决策', () => import('./modules/decisions/DecisionDetailPage.tsx')),
  ...ledger({ path: '/decision-comments', label: '公众意见处理', icon: <CommentOutlined />, anyOf: ['decision.read'], group: '依法决策', page: () => import('./modules/decisions/CommentsPage.tsx') }, '公众意见', () => import('./modules/decisions/CommentDetailPage.tsx')),
  ...ledger({ path: '/matters', label: '交办事项', icon: <SendOutlined />, anyOf: ['matter.read'], group: '督查督办', page: () => import('./modules/matters/MattersPage.tsx') }, '交办事项详情', () => import('./modules/matters/MatterDetailPage.tsx')),
  { path: '/calendar', label: '工作日历', icon: <CalendarOutlined />, anyOf: ['calendar.read'], inMenu: true, group: '期限管理', page: lazy(() => import('./modules/calendar/CalendarPage.tsx')) },
  { path: '/deadline-rules', label: '法定期限规则', icon: <FieldTimeOutlined />, anyOf: ['calendar.read'], inMenu: true, group: '期限管理', page: lazy(() => import('./modules/calendar/RulesPage.tsx')) },
  { path: '/case-number-patterns', label: '编号规则', icon: <NumberOutlined />, anyOf: ['case_number.manage'], inMenu: true, group: '期限管理', page: lazy(() => import('./modules/numbering/CaseNumberPatternsPage.tsx')) },
  { path: '/document-templates', label: '文书模板', icon: <FileWordOutlined />, anyOf: ['document_template.manage'], inMenu: true, group: '系统管理', page: lazy(() => import('./modules/documents/DocumentTemplatesPage.tsx')) },
  { path: '/help', label: '帮助中心', anyOf: ['session'], inMenu: false, page: lazy(() => import('./modules/help/HelpPage.tsx')) },
  { path: '/help/:key', label: '操作说明', anyOf: ['session'], inMenu: false, page: lazy(() => import('./modules/help/HelpPage.tsx')) },
  { path: '/search', label: '搜索', anyOf: ['session'], inMenu: false, page: lazy(() => import('./modules/search/SearchPage.tsx')) },
  { path: '/notifications', label: '通知', icon: <BellOutlined />, anyOf: ['session'], inMenu: false, page: lazy(() => import('./modules/notifications/NotificationsPage.tsx')) },
  { path: '/org/units', label: '组织机构', icon: <ApartmentOutlined />, anyOf: ['org.read'], inMenu: true, countyWide: true, group: '系统管理', page: lazy(() => import('./modules/org/UnitsPage.tsx')) },
  { path: '/org/users', label: '用户管理', icon: <TeamOutlined />, anyOf: ['user.read'], inMenu: true, group: '系统管理', page: lazy(() => import('./modules/org/UsersPage.tsx')) },
  ...ledger({ path: '/service-items', label: '政务服务事项', icon: <UnorderedListOutlined />, anyOf: ['services.read'], group: '政务服务', page: () => import('./modules/services/ItemsPage.tsx') }, '政务服务事项', () => import('./modules/services/ItemDetailPage.tsx')),
  ...ledger({ path: '/service-ratings', label: '好差评与差评整改', icon: <CommentOutlined />, anyOf: ['services.read'], group: '政务服务', page: () => import('./modules/services/RatingsPage.tsx') }, '评价详情', () => import('./modules/services/RatingDetailPage.tsx')),
  { path: '/imports', label: '批量导入', icon: <CloudUploadOutlined />, anyOf: ['org.manage', 'user.manage', 'user.import', 'plan.manage', 'inspection.manage', 'review.manage', 'foi.manage', 'litigation.manage', 'proposal.manage', 'mediation.manage', 'enforcement.register', 'enforcement.case', 'enforcement.supervise', 'normdoc.draft', 'normdoc.cleanup', 'legal_review.submit', 'advisor.manage', 'decision.catalog', 'decision.manage', 'assessment.manage', 'assessment.score', 'services.manage', 'audits.manage', 'education.manage', 'education.villages', 'legal_services.manage'], inMenu: true, group: '系统管理', page: lazy(() => import('./modules/imports/ImportPage.tsx')) },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, anyOf: ['audit.read'], inMenu: true, group: '安全审计', page: lazy(() => import('./modules/audit/AuditPage.tsx')) },
  { path: '/account/password', label: '修改密码', anyOf: ['session'], inMenu: false, page: ChangePasswordPage },
  { path: '/account/two-factor', label: '两步验证', anyOf: ['session'], inMenu: false, page: AccountTwoFactorPage },
];

export const allowed = (route: AppRoute, can: (p: string) => boolean) => route.anyOf.some((p) => p === 'session' || can(p));
