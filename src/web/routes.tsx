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

export const APP_ROUTES: AppRoute[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, anyOf: ['session'], inMenu: true, page: lazy(() => import('./pages/HomePage.tsx')) },
  { path: '/todo', label: '我的待办', icon: <CheckSquareOutlined />, anyOf: ['matter.read'], inMenu: true, page: lazy(() => import('./modules/workflow/TodoPage.tsx')) },
  { path: '/plans', label: '任务台账', icon: <OrderedListOutlined />, anyOf: ['plan.manage', 'indicator.read'], inMenu: true, detailPrefixes: ['/tasks/'], group: '督查督办', page: lazy(() => import('./modules/plans/TasksPage.tsx')) },
  { path: '/my-tasks', label: '本单位任务', icon: <ProfileOutlined />, anyOf: ['plan.report'], inMenu: true, detailPrefixes: ['/tasks/'], group: '督查督办', page: lazy(() => import('./modules/plans/MyTasksPage.tsx')) },
  { path: '/tasks/:id', label: '任务详情', anyOf: ['plan.read'], inMenu: false, page: lazy(() => import('./modules/plans/TaskDetailPage.tsx')) },
  { path: '/dashboard', label: '驾驶舱', icon: <DashboardOutlined />, anyOf: ['indicator.read'], inMenu: true, detailPrefixes: ['/units/'], group: '统计分析', page: lazy(() => import('./modules/dashboard/DashboardPage.tsx')) },
  { path: '/dashboard/screen', label: '驾驶舱大屏', anyOf: ['indicator.read'], inMenu: false, bare: true, page: lazy(() => import('./modules/dashboard/ScreenPage.tsx')) },
  { path: '/units/:id/profile', label: '法治画像', anyOf: ['indicator.read'], inMenu: false, page: lazy(() => import('./modules/dashboard/UnitProfilePage.tsx')) },
  { path: '/reports', label: '年度报告', icon: <FileTextOutlined />, anyOf: ['report.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/reports/ReportsPage.tsx')) },
  { path: '/reports/:id', label: '年度报告', anyOf: ['report.read'], inMenu: false, page: lazy(() => import('./modules/reports/ReportDetailPage.tsx')) },
  { path: '/indicators', label: '指标统计', icon: <BarChartOutlined />, anyOf: ['indicator.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/indicators/IndicatorsPage.tsx')) },
  { path: '/inspections', label: '督察安排', icon: <FileSearchOutlined />, anyOf: ['supervision.read'], inMenu: true, group: '督查督办', page: lazy(() => import('./modules/supervision/InspectionsPage.tsx')) },
  { path: '/inspections/:id', label: '督察详情', anyOf: ['supervision.read'], inMenu: false, page: lazy(() => import('./modules/supervision/InspectionDetailPage.tsx')) },
  { path: '/findings', label: '问题整改', icon: <SafetyOutlined />, anyOf: ['supervision.read'], inMenu: true, group: '督查督办', page: lazy(() => import('./modules/supervision/FindingsPage.tsx')) },
  { path: '/findings/:id', label: '问题详情', anyOf: ['supervision.read'], inMenu: false, page: lazy(() => import('./modules/supervision/FindingDetailPage.tsx')) },
  { path: '/notices', label: '通报与督办单', icon: <NotificationOutlined />, anyOf: ['supervision.read'], inMenu: true, group: '督查督办', page: lazy(() => import('./modules/supervision/NoticesPage.tsx')) },
  { path: '/notices/:id', label: '通报或督办单', anyOf: ['supervision.read'], inMenu: false, page: lazy(() => import('./modules/supervision/NoticeDetailPage.tsx')) },
  { path: '/problems', label: '问题池', icon: <AlertOutlined />, anyOf: ['problem.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/problems/ProblemsPage.tsx')) },
  { path: '/review', label: '行政复议', icon: <ReviewIcon />, anyOf: ['review.read'], inMenu: true, group: '案件办理', page: lazy(() => import('./modules/reconsideration/ReconsiderationCasesPage.tsx')) },
  { path: '/review/:id', label: '复议案件', anyOf: ['review.read'], inMenu: false, page: lazy(() => import('./modules/reconsideration/ReconsiderationCaseDetailPage.tsx')) },
  { path: '/litigation', label: '行政应诉', icon: <BankOutlined />, anyOf: ['litigation.read'], inMenu: true, group: '案件办理', page: lazy(() => import('./modules/litigation/LitigationCasesPage.tsx')) },
  { path: '/litigation/:id', label: '应诉案件', anyOf: ['litigation.read'], inMenu: false, page: lazy(() => import('./modules/litigation/LitigationCaseDetailPage.tsx')) },
  { path: '/foi', label: '依申请公开', icon: <FileTextOutlined />, anyOf: ['foi.read'], inMenu: true, group: '案件办理', page: lazy(() => import('./modules/disclosure/DisclosureRequestsPage.tsx')) },
  { path: '/foi/reports', label: '信息公开年报', icon: <FileWordOutlined />, anyOf: ['foi.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/disclosure/FoiReportsPage.tsx')) },
  { path: '/foi/reports/:id', label: '政府信息公开工作年度报告', anyOf: ['foi.read'], inMenu: false, page: lazy(() => import('./modules/disclosure/FoiReportPage.tsx')) },
  { path: '/foi/fees', label: '行政事业性收费', icon: <ProfileOutlined />, anyOf: ['foi.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/disclosure/FeesPage.tsx')) },
  { path: '/foi/annual-tables', label: '公开年报统计表', icon: <TableOutlined />, anyOf: ['foi.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/disclosure/DisclosureTablesPage.tsx')) },
  { path: '/foi/:id', label: '公开申请', anyOf: ['foi.read'], inMenu: false, page: lazy(() => import('./modules/disclosure/DisclosureRequestDetailPage.tsx')) },
  { path: '/disputes', label: '矛盾纠纷调解', icon: <CommentOutlined />, anyOf: ['mediation.read'], inMenu: true, group: '案件办理', page: lazy(() => import('./modules/mediation/DisputesPage.tsx')) },
  { path: '/disputes/:id', label: '纠纷详情', anyOf: ['mediation.read'], inMenu: false, page: lazy(() => import('./modules/mediation/DisputeDetailPage.tsx')) },
  { path: '/proposals', label: '建议提案', icon: <ProposalIcon />, anyOf: ['proposal.read'], inMenu: true, group: '案件办理', page: lazy(() => import('./modules/proposals/ProposalsPage.tsx')) },
  { path: '/proposals/:id', label: '建议提案详情', anyOf: ['proposal.read'], inMenu: false, page: lazy(() => import('./modules/proposals/ProposalDetailPage.tsx')) },
  { path: '/audits', label: '审计项目', icon: <AccountBookOutlined />, anyOf: ['audits.read'], inMenu: true, group: '审计与普法', page: lazy(() => import('./modules/audits/AuditPages.tsx').then((m) => ({ default: m.AuditProjectsPage }))) },
  { path: '/audits/:id', label: '审计项目', anyOf: ['audits.read'], inMenu: false, page: lazy(() => import('./modules/audits/AuditPages.tsx').then((m) => ({ default: m.AuditProjectDetailPage }))) },
  { path: '/audit-findings', label: '审计问题整改', icon: <SafetyOutlined />, anyOf: ['audits.read'], inMenu: true, group: '审计与普法', page: lazy(() => import('./modules/audits/AuditPages.tsx').then((m) => ({ default: m.AuditFindingsPage }))) },
  { path: '/audit-findings/:id', label: '审计发现问题', anyOf: ['audits.read'], inMenu: false, page: lazy(() => import('./modules/audits/AuditPages.tsx').then((m) => ({ default: m.AuditFindingDetailPage }))) },
  { path: '/pufa-duties', label: '普法责任清单', icon: <ScheduleOutlined />, anyOf: ['education.read'], inMenu: true, group: '审计与普法', page: lazy(() => import('./modules/education/EducationPages.tsx').then((m) => ({ default: m.PufaDutiesPage }))) },
  { path: '/pufa-duties/:id', label: '普法责任清单', anyOf: ['education.read'], inMenu: false, page: lazy(() => import('./modules/education/EducationPages.tsx').then((m) => ({ default: m.PufaDutyDetailPage }))) },
  { path: '/pufa-activities', label: '普法活动', icon: <SoundOutlined />, anyOf: ['education.read'], inMenu: true, group: '审计与普法', page: lazy(() => import('./modules/education/EducationPages.tsx').then((m) => ({ default: m.PufaActivitiesPage }))) },
  { path: '/pufa-activities/:id', label: '普法活动', anyOf: ['education.read'], inMenu: false, page: lazy(() => import('./modules/education/EducationPages.tsx').then((m) => ({ default: m.PufaActivityDetailPage }))) },
  { path: '/legal-literates', label: '法律明白人', icon: <UserSwitchOutlined />, anyOf: ['education.read'], inMenu: true, group: '审计与普法', page: lazy(() => import('./modules/education/EducationPages.tsx').then((m) => ({ default: m.LegalLiteratesPage }))) },
  { path: '/legal-literates/:id', label: '法律明白人', anyOf: ['education.read'], inMenu: false, page: lazy(() => import('./modules/education/EducationPages.tsx').then((m) => ({ default: m.LegalLiterateDetailPage }))) },
  { path: '/model-villages', label: '民主法治示范村', icon: <FlagOutlined />, anyOf: ['education.read'], inMenu: true, group: '审计与普法', page: lazy(() => import('./modules/education/EducationPages.tsx').then((m) => ({ default: m.ModelVillagesPage }))) },
  { path: '/model-villages/:id', label: '民主法治示范村（社区）', anyOf: ['education.read'], inMenu: false, page: lazy(() => import('./modules/education/EducationPages.tsx').then((m) => ({ default: m.ModelVillageDetailPage }))) },
  { path: '/study-sessions', label: '学法用法', icon: <BookOutlined />, anyOf: ['education.read'], inMenu: true, group: '审计与普法', page: lazy(() => import('./modules/education/EducationPages.tsx').then((m) => ({ default: m.StudySessionsPage }))) },
  { path: '/study-sessions/:id', label: '学法活动', anyOf: ['education.read'], inMenu: false, page: lazy(() => import('./modules/education/EducationPages.tsx').then((m) => ({ default: m.StudySessionDetailPage }))) },
  { path: '/legal-aid', label: '法律援助', icon: <CustomerServiceOutlined />, anyOf: ['legal_services.read'], inMenu: true, group: '公共法律服务', page: lazy(() => import('./modules/legal-services/LegalServicesPages.tsx').then((m) => ({ default: m.LegalAidPage }))) },
  { path: '/legal-aid/:id', label: '法律援助案件', anyOf: ['legal_services.read'], inMenu: false, page: lazy(() => import('./modules/legal-services/LegalServicesPages.tsx').then((m) => ({ default: m.LegalAidDetailPage }))) },
  { path: '/notarizations', label: '公证与法律咨询', icon: <FileProtectOutlined />, anyOf: ['legal_services.read'], inMenu: true, detailPrefixes: ['/legal-consultations/'], group: '公共法律服务', page: lazy(() => import('./modules/legal-services/LegalServicesPages.tsx').then((m) => ({ default: m.MonthlyCountsPage }))) },
  { path: '/notarizations/:id', label: '公证办理统计', anyOf: ['legal_services.read'], inMenu: false, page: lazy(() => import('./modules/legal-services/LegalServicesPages.tsx').then((m) => ({ default: m.NotarizationDetailPage }))) },
  { path: '/legal-consultations/:id', label: '法律咨询统计', anyOf: ['legal_services.read'], inMenu: false, page: lazy(() => import('./modules/legal-services/LegalServicesPages.tsx').then((m) => ({ default: m.ConsultationDetailPage }))) },
  { path: '/legal-service-stations', label: '服务站点', icon: <EnvironmentOutlined />, anyOf: ['legal_services.read'], inMenu: true, group: '公共法律服务', page: lazy(() => import('./modules/legal-services/LegalServicesPages.tsx').then((m) => ({ default: m.StationsPage }))) },
  { path: '/legal-service-stations/:id', label: '公共法律服务站点', anyOf: ['legal_services.read'], inMenu: false, page: lazy(() => import('./modules/legal-services/LegalServicesPages.tsx').then((m) => ({ default: m.StationDetailPage }))) },
  { path: '/assessment/schemes', label: '法治建设考评', icon: <TrophyOutlined />, anyOf: ['assessment.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/assessment/SchemesPage.tsx')) },
  { path: '/assessment/schemes/:id', label: '考评方案', anyOf: ['assessment.read'], inMenu: false, page: lazy(() => import('./modules/assessment/SchemeDetailPage.tsx')) },
  { path: '/assessment/reports', label: '述法报告', icon: <ReadOutlined />, anyOf: ['assessment.read'], inMenu: true, group: '统计分析', page: lazy(() => import('./modules/assessment/ReportsPage.tsx')) },
  { path: '/assessment/reports/:id', label: '述法报告', anyOf: ['assessment.read'], inMenu: false, page: lazy(() => import('./modules/assessment/ReportDetailPage.tsx')) },
  { path: '/enforcement/bodies', label: '执法主体', icon: <SafetyCertificateOutlined />, anyOf: ['enforcement.read'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/BodiesPage.tsx')) },
  { path: '/enforcement/bodies/:id', label: '执法主体', anyOf: ['enforcement.read'], inMenu: false, page: lazy(() => import('./modules/enforcement/BodyDetailPage.tsx')) },
  { path: '/enforcement/officers', label: '执法人员', icon: <IdcardOutlined />, anyOf: ['enforcement.read'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/OfficersPage.tsx')) },
  { path: '/enforcement/lists', label: '四张清单与检查事项', icon: <UnorderedListOutlined />, anyOf: ['enforcement.read'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/ListsPage.tsx')) },
  { path: '/enforcement/officers/:id', label: '执法人员', anyOf: ['enforcement.read'], inMenu: false, page: lazy(() => import('./modules/enforcement/OfficerDetailPage.tsx')) },
  { path: '/enforcement/cases', label: '行政执法案件', icon: <FileProtectOutlined />, anyOf: ['enforcement.read'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/CasesPage.tsx')) },
  { path: '/enforcement/cases/:id', label: '行政执法案件', anyOf: ['enforcement.read'], inMenu: false, page: lazy(() => import('./modules/enforcement/CaseDetailPage.tsx')) },
  { path: '/enforcement/file-reviews', label: '案卷评查', icon: <FileSearchOutlined />, anyOf: ['enforcement.supervise'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/FileReviewsPage.tsx')) },
  { path: '/enforcement/file-reviews/:id', label: '案卷评查', anyOf: ['enforcement.supervise'], inMenu: false, page: lazy(() => import('./modules/enforcement/FileReviewCampaignPage.tsx')) },
  { path: '/enforcement/supervisions', label: '行政执法监督', icon: <SafetyOutlined />, anyOf: ['enforcement.read'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/SupervisionsPage.tsx')) },
  { path: '/enforcement/supervisions/:id', label: '行政执法监督', anyOf: ['enforcement.read'], inMenu: false, page: lazy(() => import('./modules/enforcement/SupervisionDetailPage.tsx')) },
  { path: '/enforcement/complaints', label: '投诉举报', icon: <CommentOutlined />, anyOf: ['enforcement.read'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/ComplaintsPage.tsx')) },
  { path: '/enforcement/complaints/:id', label: '投诉举报', anyOf: ['enforcement.read'], inMenu: false, page: lazy(() => import('./modules/enforcement/ComplaintDetailPage.tsx')) },
  { path: '/enforcement/transfers', label: '两法衔接', icon: <SendOutlined />, anyOf: ['enforcement.read'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/Transfers.tsx')) },
  { path: '/enforcement/file-review-results', label: '案卷评查结果', icon: <FileSearchOutlined />, anyOf: ['enforcement.case'], inMenu: true, group: '行政执法', page: lazy(() => import('./modules/enforcement/FileReviewsPage.tsx').then((m) => ({ default: m.FileReviewResultsPage }))) },
  { path: '/normative-docs', label: '规范性文件', icon: <FileTextOutlined />, anyOf: ['normdoc.read'], inMenu: true, group: '合法性审查', page: lazy(() => import('./modules/normative/NormativeDocsPage.tsx')) },
  { path: '/normative-docs/:id', label: '规范性文件', anyOf: ['normdoc.read'], inMenu: false, page: lazy(() => import('./modules/normative/NormativeDocDetailPage.tsx')) },
  { path: '/legal-reviews', label: '合法性审查', icon: <ReviewIcon />, anyOf: ['legal_review.read'], inMenu: true, group: '合法性审查', page: lazy(() => import('./modules/normative/LegalReviewsPage.tsx')) },
  { path: '/legal-reviews/:id', label: '审查事项', anyOf: ['legal_review.read'], inMenu: false, page: lazy(() => import('./modules/normative/LegalReviewDetailPage.tsx')) },
  { path: '/normdoc-cleanups', label: '文件清理', icon: <ClearOutlined />, anyOf: ['normdoc.read'], inMenu: true, group: '合法性审查', page: lazy(() => import('./modules/normative/CleanupsPage.tsx')) },
  { path: '/normdoc-cleanups/:id', label: '文件清理', anyOf: ['normdoc.read'], inMenu: false, page: lazy(() => import('./modules/normative/CleanupDetailPage.tsx')) },
  { path: '/legal-advisors', label: '法律顾问', icon: <SolutionOutlined />, anyOf: ['advisor.read'], inMenu: true, group: '合法性审查', page: lazy(() => import('./modules/normative/AdvisorsPage.tsx')) },
  { path: '/legal-advisors/:id', label: '法律顾问', anyOf: ['advisor.read'], inMenu: false, page: lazy(() => import('./modules/normative/AdvisorDetailPage.tsx')) },
  { path: '/normdoc-check-rules', label: '预审规则', icon: <FileSearchOutlined />, anyOf: ['normdoc.review', 'normdoc.rules'], inMenu: true, group: '合法性审查', page: lazy(() => import('./modules/normative/CheckRulesPage.tsx')) },
  { path: '/decision-catalog', label: '决策事项目录', icon: <OrderedListOutlined />, anyOf: ['decision.read'], inMenu: true, group: '依法决策', page: lazy(() => import('./modules/decisions/CatalogPage.tsx')) },
  { path: '/decision-catalog/:id', label: '目录事项', anyOf: ['decision.read'], inMenu: false, page: lazy(() => import('./modules/decisions/CatalogItemDetailPage.tsx')) },
  { path: '/decisions', label: '重大行政决策', icon: <AuditOutlined />, anyOf: ['decision.read'], inMenu: true, group: '依法决策', page: lazy(() => import('./modules/decisions/DecisionsPage.tsx')) },
  { path: '/decisions/:id', label: '重大行政决策', anyOf: ['decision.read'], inMenu: false, page: lazy(() => import('./modules/decisions/DecisionDetailPage.tsx')) },
  { path: '/decision-comments', label: '公众意见处理', icon: <CommentOutlined />, anyOf: ['decision.read'], inMenu: true, group: '依法决策', page: lazy(() => import('./modules/decisions/CommentsPage.tsx')) },
  { path: '/decision-comments/:id', label: '公众意见', anyOf: ['decision.read'], inMenu: false, page: lazy(() => import('./modules/decisions/CommentDetailPage.tsx')) },
  { path: '/matters', label: '交办事项', icon: <SendOutlined />, anyOf: ['matter.read'], inMenu: true, group: '督查督办', page: lazy(() => import('./modules/matters/MattersPage.tsx')) },
  { path: '/matters/:id', label: '交办事项详情', anyOf: ['matter.read'], inMenu: false, page: lazy(() => import('./modules/matters/MatterDetailPage.tsx')) },
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
  { path: '/service-items', label: '政务服务事项', icon: <UnorderedListOutlined />, anyOf: ['services.read'], inMenu: true, group: '政务服务', page: lazy(() => import('./modules/services/ItemsPage.tsx')) },
  { path: '/service-items/:id', label: '政务服务事项', anyOf: ['services.read'], inMenu: false, page: lazy(() => import('./modules/services/ItemDetailPage.tsx')) },
  { path: '/service-ratings', label: '好差评与差评整改', icon: <CommentOutlined />, anyOf: ['services.read'], inMenu: true, group: '政务服务', page: lazy(() => import('./modules/services/RatingsPage.tsx')) },
  { path: '/service-ratings/:id', label: '评价详情', anyOf: ['services.read'], inMenu: false, page: lazy(() => import('./modules/services/RatingDetailPage.tsx')) },
  { path: '/imports', label: '批量导入', icon: <CloudUploadOutlined />, anyOf: ['org.manage', 'user.manage', 'user.import', 'plan.manage', 'inspection.manage', 'review.manage', 'foi.manage', 'litigation.manage', 'proposal.manage', 'mediation.manage', 'enforcement.register', 'enforcement.case', 'enforcement.supervise', 'normdoc.draft', 'normdoc.cleanup', 'legal_review.submit', 'advisor.manage', 'decision.catalog', 'decision.manage', 'assessment.manage', 'assessment.score', 'services.manage', 'audits.manage', 'education.manage', 'education.villages', 'legal_services.manage'], inMenu: true, group: '系统管理', page: lazy(() => import('./modules/imports/ImportPage.tsx')) },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, anyOf: ['audit.read'], inMenu: true, group: '安全审计', page: lazy(() => import('./modules/audit/AuditPage.tsx')) },
  { path: '/account/password', label: '修改密码', anyOf: ['session'], inMenu: false, page: ChangePasswordPage },
  { path: '/account/two-factor', label: '两步验证', anyOf: ['session'], inMenu: false, page: AccountTwoFactorPage },
];

export const allowed = (route: AppRoute, can: (p: string) => boolean) => route.anyOf.some((p) => p === 'session' || can(p));
