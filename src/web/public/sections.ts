// The portal's sections: what the navigation and the home page offer. A module's public pages plug
// in here — one entry with its routes; each section's code loads only when one of its pages is
// visited, so a form never weighs on the reports. A section is listed once its pages exist: the
// coming 行政复议申请, 政府信息公开申请 and 重大行政决策征求意见 (issue 12) add theirs then, never a
// link to a page that is not there yet.
import { lazy } from 'react';
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

export const SECTIONS: readonly PortalSection[] = [
  {
    title: '年度报告',
    summary: '县政府及各部门、乡镇向社会公开的法治政府建设年度报告，可在线阅读，也可下载 Word 和 PDF 版。',
    path: '/public/reports',
    routes: [
      { pattern: '/public/reports', page: lazy(() => import('./reports/ReportListPage.tsx')) },
      { pattern: '/public/reports/:id', page: lazy(() => import('./reports/ReportPage.tsx')) },
    ],
  },
];
