import type { ModuleManifest } from '../../kernel/modules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { LEGAL_LITERATE, LEGAL_LITERATE_WORKFLOW, MODEL_VILLAGE, MODEL_VILLAGE_WORKFLOW, PUFA_ACTIVITY, PUFA_ACTIVITY_WORKFLOW, PUFA_DUTY, PUFA_DUTY_WORKFLOW, STUDY_SESSION, STUDY_SESSION_WORKFLOW } from '../../../shared/schemas/education.ts';
import { educationMigrations } from './migrations.ts';
import { educationRoutes } from './routes.ts';
import { legalLiteratesImport, modelVillagesImport, pufaActivitiesImport, studySessionsImport } from './imports.ts';
import { educationIndicators } from './indicators.ts';
import { loadDemoEducation } from './demo.ts';
import { EDUCATION_RULES } from './education.ts';

/** 普法 / 学法 (domain.md §2.14; issue 17). */
export const educationModule: ModuleManifest = {
  name: 'education',
  title: '普法学法',
  permissions: {
    'education.read': { label: '查看普法责任清单、普法活动、法律明白人、示范村与学法台账', roles: BUSINESS_ROLES },
    'education.manage': { label: '登记普法责任清单、普法活动、法律明白人与学法活动', roles: ['law_office', 'unit_liaison', 'unit_head'] },
    'education.villages': { label: '登记与复核民主法治示范村（社区）', roles: ['law_office'] },
    'education.settings': { label: '修改普法设置（每村法律明白人目标数）', roles: ['law_office'] },
  },
  deadlineRules: EDUCATION_RULES,
  migrations: educationMigrations,
  routes: educationRoutes,
  records: [PUFA_DUTY, PUFA_ACTIVITY, LEGAL_LITERATE, MODEL_VILLAGE, STUDY_SESSION],
  importTypes: [pufaActivitiesImport, legalLiteratesImport, modelVillagesImport, studySessionsImport],
  workflows: [PUFA_DUTY_WORKFLOW, PUFA_ACTIVITY_WORKFLOW, LEGAL_LITERATE_WORKFLOW, MODEL_VILLAGE_WORKFLOW, STUDY_SESSION_WORKFLOW],
  indicators: educationIndicators,
  demo: loadDemoEducation,
};
