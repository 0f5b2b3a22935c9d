// The portal's sections: what the navigation and the home page offer. A module's public pages plug
// in here — one entry with its routes; each section's code loads only when one of its pages is
// visited, so a form never weighs on the reports. A section is listed once its pages exist, never a
// link to a page that is not there yet.
import { createElement, lazy } from 'react';
import type { PortalRoute } from './router.tsx';

export interface PortalSection {
  /** The navigation's label and the home page's heading for the section. */
  title: string;
  /** One sentence on the home page: what a citizen finds or does there. */
  summary: string;
  /** The section's first page: navigation links here. */
  path: string;
  routes: PortalRoute[];
}

/** A public form's page (kernel/public), within the section whose guide it follows. */
const applyPage = (formKey: string, guide: { label: string; to: string }) =>
  lazy(() => import('./forms/ApplyPage.tsx').then((m) => ({ default: () => createElement(m.default, { formKey, guide }) })));

export const SECTIONS: readonly PortalSection[] = [
  {
    title: '年度报告',
    summary: '县政府及各部门、乡镇向社会公开的法治政府建设年度报告和政府信息公开工作年度报告，可在线阅读，也可下载 Word 版。',
    path: '/public/reports',
    routes: [
      { pattern: '/public/reports', page: lazy(() => import('./reports/ReportListPage.tsx')) },
      // Before ':id': the router takes the first pattern that matches.
      { pattern: '/public/reports/disclosure', page: lazy(() => import('./reports/ReportListPage.tsx').then((m) => ({ default: () => createElement(m.ReportList, { kind: 'disclosure' }) }))) },
      { pattern: '/public/reports/disclosure/:id', page: lazy(() => import('./reports/DisclosureReportPage.tsx')) },
      { pattern: '/public/reports/:id', page: lazy(() => import('./reports/ReportPage.tsx')) },
    ],
  },
  {
    title: '规范性文件库',
    summary: '查阅县政府及各部门公布的现行有效行政规范性文件，可按文件名称、文号和正文检索。',
    path: '/public/normative-docs',
    routes: [
      { pattern: '/public/normative-docs', page: lazy(() => import('./normative/LibraryPage.tsx')) },
      { pattern: '/public/normative-docs/:id', page: lazy(() => import('./normative/DocPage.tsx')) },
      { pattern: '/public/normdoc-cleanups', page: lazy(() => import('./normative/CleanupsPage.tsx')) },
    ],
  },
  {
    title: '重大行政决策',
    summary: '正在公开征求意见的重大行政决策草案（附倒计时，可在网上发表意见）、意见采纳情况和年度决策事项目录。',
    path: '/public/decisions',
    routes: [
      { pattern: '/public/decisions', page: lazy(() => import('./decisions/ConsultationsPage.tsx')) },
      // Before ':id': the router takes the first pattern that matches.
      { pattern: '/public/decisions/catalog', page: lazy(() => import('./decisions/CatalogPage.tsx')) },
      { pattern: '/public/decisions/comment', page: applyPage('decision-comment', { label: '重大行政决策', to: '/public/decisions' }) },
      { pattern: '/public/decisions/:id', page: lazy(() => import('./decisions/ConsultationPage.tsx')) },
    ],
  },
  {
    title: '行政复议',
    summary: '对行政机关的行政行为不服的，了解申请期限、所需材料和办理时限，在网上申请行政复议。',
    path: '/public/review',
    routes: [
      { pattern: '/public/review', page: lazy(() => import('./guides/ReviewGuidePage.tsx')) },
      { pattern: '/public/review/apply', page: applyPage('review-application', { label: '行政复议', to: '/public/review' }) },
    ],
  },
  {
    title: '政府信息公开',
    summary: '向行政机关申请获取政府信息：了解申请内容和答复时限，在网上提交公开申请。',
    path: '/public/disclosure',
    routes: [
      { pattern: '/public/disclosure', page: lazy(() => import('./guides/DisclosureGuidePage.tsx')) },
      { pattern: '/public/disclosure/apply', page: applyPage('disclosure-request', { label: '政府信息公开', to: '/public/disclosure' }) },
    ],
  },
  {
    title: '行政执法公示',
    summary: '各行政执法主体的职责权限、持证执法人员，不予处罚、从轻减轻处罚、不予实施行政强制措施清单和分类检查事项目录；对行政执法行为可在网上投诉举报。',
    path: '/public/enforcement',
    routes: [
      { pattern: '/public/enforcement', page: lazy(() => import('./enforcement/BodiesPage.tsx')) },
      // Before ':id': the router takes the first pattern that matches.
      { pattern: '/public/enforcement/decisions', page: lazy(() => import('./enforcement/DecisionsPage.tsx')) },
      { pattern: '/public/enforcement/complaint', page: applyPage('enforcement-complaint', { label: '行政执法公示', to: '/public/enforcement' }) },
      { pattern: '/public/enforcement/:id', page: lazy(() => import('./enforcement/BodyPage.tsx')) },
    ],
  },
  {
    title: '政务服务',
    summary: '查询政务服务事项清单：办理时限、是否“最多跑一次”、能否网上办理；办事后对政务服务进行“好差评”，差评由实施单位回访整改。',
    path: '/public/services',
    routes: [
      { pattern: '/public/services', page: lazy(() => import('./services/ServicesPage.tsx')) },
      { pattern: '/public/services/rate', page: applyPage('service-rating', { label: '政务服务', to: '/public/services' }) },
    ],
  },
  {
    title: '进度查询',
    summary: '凭查询码和查询密码查看网上申请的办理进度，提交补正材料，下载答复文书。',
    path: '/public/track',
    routes: [{ pattern: '/public/track', page: lazy(() => import('./track/TrackPage.tsx')) }],
  },
];
