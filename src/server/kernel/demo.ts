// What every module's demo loader starts with: it loads once (its first record, found by ref, says
// it ran) and places records in the demo county's units, named by code.
import type { Platform } from './platform.ts';
import { actingAs } from './auth/acting-as.ts';
import type { RequestContext } from './auth/context.ts';
import { BlobStore } from './attachments/store.ts';
import { chinaToday, toDayNumber } from './calendar/days.ts';

/** Whether the module's demo data is there already (its first record exists); says so when it is. */
export async function demoLoaded(platform: Platform, print: (line: string) => void, mark: { table: string; ref: string; title: string }): Promise<boolean> {
  const found = await platform.db.selectFrom(mark.table as 'org_units').select('id').where('ref' as 'id', '=', mark.ref).executeTakeFirst();
  if (found) print(`${mark.title}演示数据：已存在。`);
  return Boolean(found);
}

/** What a demo loader works with: the law office (fzb_wang) acting, every unit's id by code, the attachment store, today as a day number. */
export interface DemoStart {
  office: RequestContext;
  units: Map<string, string>;
  store: BlobStore;
  today: number;
}

/** A demo loader's start: null when its data is there already (and says so), else what it works with. */
export async function demoStart(platform: Platform, print: (line: string) => void, mark: { table: string; ref: string; title: string }): Promise<DemoStart | null> {
  if (await demoLoaded(platform, print, mark)) return null;
  return { office: await actingAs(platform, 'fzb_wang'), units: await unitIdsByCode(platform), store: new BlobStore(platform.config.attachmentsDir), today: toDayNumber(chinaToday()) };
}

/** Every unit's id by its code (SFX-D01 …). */
export async function unitIdsByCode(platform: Platform): Promise<Map<string, string>> {
  return new Map((await platform.db.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
}
