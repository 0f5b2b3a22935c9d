import type { ModuleManifest } from '../../kernel/modules.ts';
import { PROPOSAL_RULES } from './deadline-rules.ts';
import { BUSINESS_ROLES } from '../../../shared/roles.ts';
import { PROPOSAL, PROPOSAL_WORKFLOW } from '../../../shared/schemas/proposals.ts';
import { proposalMigrations } from './migrations.ts';
import { proposalRoutes } from './routes.ts';
import { proposalsImport } from './imports.ts';
import { proposalIndicators } from './indicators.ts';
import { loadDemoProposals } from './demo.ts';

/** 人大代表建议 / 政协委员提案 (domain.md §2.13). */
export const proposalsModule: ModuleManifest = {
  name: 'proposals',
  title: '建议提案',
  permissions: {
    'proposal.read': { label: '查看建议提案', roles: BUSINESS_ROLES },
    'proposal.manage': { label: '交办建议提案、登记满意度', roles: ['law_office'] },
  },
  deadlineRules: PROPOSAL_RULES,
  migrations: proposalMigrations,
  routes: proposalRoutes,
  records: [PROPOSAL],
  importTypes: [proposalsImport],
  workflows: [PROPOSAL_WORKFLOW],
  indicators: proposalIndicators,
  demo: loadDemoProposals,
};
