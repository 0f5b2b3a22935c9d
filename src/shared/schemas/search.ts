// Global search (the top bar): by case number, ref, title, party or unit name, across every record
// type the user may read, within the user's data scope.
import { z } from '../zod.ts';

/** Queries shorter than this use LIKE instead of the trigram index (a trigram needs three characters). */
export const TRIGRAM_MIN = 3;

export const searchQuery = z.strictObject({
  q: z
    .string({ error: '请填写搜索关键词' })
    .trim()
    .min(1, { error: '请填写搜索关键词' })
    .max(100, { error: '搜索关键词不能超过 100 字' })
    .meta({ title: '关键词' }),
  /** Results per record type: the top bar asks for a few, the results page for more. */
  limit: z.coerce.number({ error: '每类条数应为数字' }).int({ error: '每类条数应为整数' }).min(1, { error: '每类条数至少为 1' }).max(50, { error: '每类条数不能超过 50' }).default(5),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchHit = z.object({
  id: z.string(),
  ref: z.string().nullable(),
  /** 案号/文号, for record types that take one (kernel/numbering). */
  caseNumber: z.string().nullable(),
  title: z.string(),
  status: z.string().nullable(),
  statusLabel: z.string().nullable(),
  unitName: z.string().nullable(),
  link: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchGroup = z.object({
  type: z.string(),
  title: z.string(),
  /** Matches in the user's scope, counted up to `COUNT_CAP` (then shown as "100+"). */
  total: z.number().int(),
  items: z.array(searchHit),
});
export type SearchGroup = z.infer<typeof searchGroup>;

export const COUNT_CAP = 100;

export const searchResult = z.object({ q: z.string(), groups: z.array(searchGroup) });
export type SearchResult = z.infer<typeof searchResult>;
