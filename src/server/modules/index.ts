// The modules this build of Fazhi runs, in the order their demo data loads.
import type { ModuleManifest } from '../kernel/modules.ts';
import { orgModule } from './org/module.ts';
import { mattersModule } from './matters/module.ts';
import { plansModule } from './plans/module.ts';
import { supervisionModule } from './supervision/module.ts';
import { reviewModule } from './reconsideration/module.ts';
import { foiModule } from './disclosure/module.ts';
import { litigationModule } from './litigation/module.ts';
import { proposalsModule } from './proposals/module.ts';
import { mediationModule } from './mediation/module.ts';
import { enforcementModule } from './enforcement/module.ts';
import { reportsModule } from './reports/module.ts';
import { normativeModule } from './normative/module.ts';
import { assessmentModule } from './assessment/module.ts';
import { decisionsModule } from './decisions/module.ts';
import { servicesModule } from './services/module.ts';
import { auditsModule } from './audits/module.ts';
import { educationModule } from './education/module.ts';
import { legalServicesModule } from './legal-services/module.ts';

// 政府信息公开 after the normative documents and enforcement: its annual reports count their records.


// 政府信息公开 after the normative documents and enforcement: its annual reports count their records.
export const MODULES: readonly ModuleManifest[] = [orgModule, mattersModule, plansModule, supervisionModule, reviewModule, litigationModule, proposalsModule, mediationModule, normativeModule, enforcementModule, foiModule, decisionsModule, servicesModule, auditsModule, educationModule, legalServicesModule, assessmentModule, reportsModule];
