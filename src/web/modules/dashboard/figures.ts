// What the 驾驶舱, its meeting-room screen and a unit's profile read from the figures APIs
// (/indicators, /indicators/:code/by-unit, /dashboard/lights): the headline indicators, the trends,
// and the shapes of the answers.
import type { IndicatorValue } from '../../../shared/schemas/indicators.ts';

export const HEADLINES = [
  'tasks.completion_rate',
  'inspections.rectification_rate',
  'review.received',
  'review.correction_rate',
  'litigation.cases',
  'litigation.head_appearance_rate',
  'mediation.success_rate',
  'foi.on_time_rate',
  'proposals.on_time_rate',
  'tasks.overdue',
];
export const TRENDS = ['review.received', 'litigation.cases', 'foi.requests', 'proposals.total', 'inspections.findings'];

export interface Figures {
  unit: string | null;
  details: IndicatorValue[];
}
export type { LightItem, Peers, UnitFigure, UnitLights } from '../../../shared/schemas/indicators.ts';

/** Years before a figure's first record are gaps in a trend, not zeros: the ledgers did not exist yet. */
export function beforeFirstRecord(values: (number | null)[]): (number | null)[] {
  const first = values.findIndex((v) => v !== null && v !== 0);
  return values.map((v, i) => (first === -1 || i < first ? null : v));
}


/** The last five years up to `year`, oldest first. */
export const fiveYears = (year: number) => [year - 4, year - 3, year - 2, year - 1, year];

export const LIGHT_COLORS = { red: '#cf1322', yellow: '#faad14', green: '#52c41a' } as const;
