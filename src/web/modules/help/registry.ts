// Every module's 操作说明 (its help.ts), for the help pages. A module that is added gets a help file
// and a line here; help.unit.test.ts fails while one is missing.
import { help as assessment } from '../assessment/help.ts';
import { help as audits } from '../audits/help.ts';
import { help as decisions } from '../decisions/help.ts';
import { help as disclosure } from '../disclosure/help.ts';
import { help as education } from '../education/help.ts';
import { help as enforcement } from '../enforcement/help.ts';
import { help as legalServices } from '../legal-services/help.ts';
import { help as litigation } from '../litigation/help.ts';
import { help as matters } from '../matters/help.ts';
import { help as mediation } from '../mediation/help.ts';
import { help as normative } from '../normative/help.ts';
import { help as plans } from '../plans/help.ts';
import { help as proposals } from '../proposals/help.ts';
import { help as reconsideration } from '../reconsideration/help.ts';
import { help as reports } from '../reports/help.ts';
import { help as services } from '../services/help.ts';
import { help as supervision } from '../supervision/help.ts';
import type { ModuleHelp } from './types.ts';

/** In the order of the menu's groups. */
export const HELPS: readonly ModuleHelp[] = [plans, supervision, matters, reports, assessment, reconsideration, litigation, disclosure, mediation, proposals, decisions, enforcement, services, normative, audits, education, legalServices];
