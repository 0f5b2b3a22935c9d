// Every module's 操作说明 (its help.ts), for the help pages. A module that is added gets a help file
// and a line here; help.unit.test.ts fails while one is missing. Pages of no one module (the 驾驶舱,
// the calendar, the audit log) have theirs too.
import { help as assessment } from '../modules/assessment/help.ts';
import { help as audit } from '../modules/audit/help.ts';
import { help as audits } from '../modules/audits/help.ts';
import { help as calendar } from '../modules/calendar/help.ts';
import { help as dashboard } from '../modules/dashboard/help.ts';
import { help as decisions } from '../modules/decisions/help.ts';
import { help as disclosure } from '../modules/disclosure/help.ts';
import { help as education } from '../modules/education/help.ts';
import { help as enforcement } from '../modules/enforcement/help.ts';
import { help as legalServices } from '../modules/legal-services/help.ts';
import { help as litigation } from '../modules/litigation/help.ts';
import { help as matters } from '../modules/matters/help.ts';
import { help as mediation } from '../modules/mediation/help.ts';
import { help as normative } from '../modules/normative/help.ts';
import { help as plans } from '../modules/plans/help.ts';
import { help as proposals } from '../modules/proposals/help.ts';
import { help as reconsideration } from '../modules/reconsideration/help.ts';
import { help as reports } from '../modules/reports/help.ts';
import { help as services } from '../modules/services/help.ts';
import { help as supervision } from '../modules/supervision/help.ts';
import type { ModuleHelp } from './types.ts';

/** In the order of the menu's groups. */
export const HELPS: readonly ModuleHelp[] = [dashboard, plans, supervision, matters, reports, assessment, reconsideration, litigation, disclosure, mediation, proposals, decisions, enforcement, services, normative, audits, education, legalServices, calendar, audit];
