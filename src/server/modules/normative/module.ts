import type { ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { NORMATIVE_DOC, NORMDOC_RECORD_TYPE, NORMDOC_WORKFLOW } from '../../../shared/schemas/normative.ts';
import { normativeMigrations } from './migrations.ts';
import { normativeRoutes } from './routes.ts';
import { normativeDocsImport } from './imports.ts';
import { normativeIndicators } from './indicators.ts';
import { loadDemoNormative } from './demo.ts';
import { afterNormdocTransition, normdocDaily } from './normative.ts';

/** 行政规范性文件 (domain.md §2.6): drafted by a unit, reviewed by the law office, published by 三统一. */
export const normativeModule: ModuleManifest = {
  name: 'normative',
  title: '规范性文件',
  permissions: {
    'normdoc.read': { label: '查看规范性文件', roles: BUSINESS_ROLES },
    'normdoc.draft': { label: '起草规范性文件、上传正文、导入文件台账', roles: ['unit_liaison', 'unit_head', 'law_office'] },
    'normdoc.review': { label: '处理规范性文件预审提示', roles: ['reviewer', 'law_office'] },
    'normdoc.rules': { label: '维护规范性文件预审规则', roles: ['law_office'] },
  },
  migrations: normativeMigrations,
  routes: normativeRoutes,
  records: [NORMATIVE_DOC],
  importTypes: [normativeDocsImport],
  workflows: [NORMDOC_WORKFLOW],
  indicators: normativeIndicators,
  demo: loadDemoNormative,
  daily: normdocDaily,
  afterTransition: async (tx, _platform, recordType, record, transition, date) => {
    if (recordType === NORMDOC_RECORD_TYPE) await afterNormdocTransition(tx, record, transition, date);
  },
};
