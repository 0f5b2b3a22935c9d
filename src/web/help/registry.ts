// Every module's 操作说明, for the help pages: the prose is the module's help.md (its format is in
// docs/help.md), read as text and parsed here into the ModuleHelp the pages show. A module that is
// added gets a help.md and a line here; help.unit.test.tsx fails while one is missing. Pages of no
// one module (the 驾驶舱, the calendar, the audit log) have theirs too.
import assessment from '../modules/assessment/help.md?raw';
import audit from '../modules/audit/help.md?raw';
import audits from '../modules/audits/help.md?raw';
import calendar from '../modules/calendar/help.md?raw';
import dashboard from '../modules/dashboard/help.md?raw';
import decisions from '../modules/decisions/help.md?raw';
import disclosure from '../modules/disclosure/help.md?raw';
import education from '../modules/education/help.md?raw';
import enforcement from '../modules/enforcement/help.md?raw';
import legalServices from '../modules/legal-services/help.md?raw';
import litigation from '../modules/litigation/help.md?raw';
import matters from '../modules/matters/help.md?raw';
import mediation from '../modules/mediation/help.md?raw';
import normative from '../modules/normative/help.md?raw';
import plans from '../modules/plans/help.md?raw';
import proposals from '../modules/proposals/help.md?raw';
import reconsideration from '../modules/reconsideration/help.md?raw';
import reports from '../modules/reports/help.md?raw';
import services from '../modules/services/help.md?raw';
import supervision from '../modules/supervision/help.md?raw';
import { parseHelp } from './parse.ts';
import type { ModuleHelp } from './types.ts';
import { HELP_WORKFLOWS } from './workflows.ts';

/** Each module's help.md by its folder, in the order of the menu's groups. */
export const HELP_FILES: readonly (readonly [key: string, text: string])[] = [
  ['dashboard', dashboard], ['plans', plans], ['supervision', supervision], ['matters', matters], ['reports', reports], ['assessment', assessment], ['reconsideration', reconsideration],
  ['litigation', litigation], ['disclosure', disclosure], ['mediation', mediation], ['proposals', proposals], ['decisions', decisions], ['enforcement', enforcement], ['services', services],
  ['normative', normative], ['audits', audits], ['education', education], ['legal-services', legalServices], ['calendar', calendar], ['audit', audit],
];

export const HELPS: readonly ModuleHelp[] = HELP_FILES.map(([key, text]) => parseHelp(text, { key, file: `src/web/modules/${key}/help.md`, workflow: (type) => HELP_WORKFLOWS.get(type) }));
