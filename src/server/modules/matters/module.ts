import type { ModuleManifest } from '../../kernel/modules.ts';
import { MATTER_RULES } from './deadline-rules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { MATTER, MATTER_WORKFLOW } from '../../../shared/schemas/matters.ts';
import { matterMigrations } from './migrations.ts';
import { matterRoutes } from './routes.ts';
import { loadDemoMatters } from './demo.ts';

/** 交办事项: matters the law office assigns to units, on a deadline rule, with the reply/review loop. */
export const mattersModule: ModuleManifest = {
  name: 'matters',
  title: '交办事项',
  permissions: {
    'matter.read': { label: '查看交办事项', roles: BUSINESS_ROLES },
    'matter.assign': { label: '交办、修改交办事项', roles: ['law_office'] },
  },
  deadlineRules: MATTER_RULES,
  migrations: matterMigrations,
  routes: matterRoutes,
  records: [MATTER],
  workflows: [MATTER_WORKFLOW],
  demo: loadDemoMatters,
};
