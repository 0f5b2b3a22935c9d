import { z, text, pageQuery } from '../zod.ts';

export const PROBLEM_SEVERITIES = { general: '一般', major: '重大' } as const;

export const problemQuery = z.strictObject({
  unitId: z.string().max(64).optional().meta({ title: '单位' }),
  status: z.enum(['open', 'closed'], { error: '状态（status）应为 open 或 closed' }).optional().meta({ title: '状态' }),
  source: z.string().max(64).optional().meta({ title: '来源' }),
  ...pageQuery,
});

export interface ProblemView {
  id: string;
  sourceType: string;
  sourceLabel: string;
  unitId: string;
  unitName: string;
  title: string;
  severity: 'general' | 'major';
  status: 'open' | 'closed';
  openedOn: string;
  closedOn: string | null;
  link: string | null;
  /** The law office closes it by hand (with a note) once the unit has put it right. */
  closableByHand: boolean;
  closeNote: string | null;
}

export const closeProblemInput = z.strictObject({ note: text('销号说明', 500) });

export interface ProblemUnitSummary {
  unitId: string;
  unitName: string;
  open: number;
  major: number;
  closed: number;
}
