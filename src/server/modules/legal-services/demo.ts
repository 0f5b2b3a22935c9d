// The demo county's public legal services over three years: legal-aid cases (most approved and
// closed, some wages recovered, a few refused), monthly notarisations by kind (about 2,000 a year)
// and consultations by channel, the service centre, town stations, village rooms and stations for
// the elderly. Idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { demoStart } from '../../kernel/demo.ts';
import { AID_MATTERS, CONSULT_CHANNELS, LEGAL_AID_WORKFLOW, NOTARY_KINDS } from '../../../shared/schemas/legal-services.ts';
import { aidCases, consultations, notarizations, stations } from './services.ts';

export async function loadDemoLegalServices(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'legal_service_stations', ref: 'DEMO-GFZ-0', title: '公共法律服务' });
  if (!demo) return;
  const { office, units, today } = demo;
  const year = Number(chinaToday().slice(0, 4));
  const month = chinaToday().slice(0, 7);
  const inTx = <T>(run: (tx: any) => Promise<T>) => platform.db.transaction().execute(run);
  const justice = units.get('SFX-D01')!;

  // Stations: the county centre, a station in each town, rooms in some villages, four for the elderly.
  let s = 0;
  const station = async (unitId: string, name: string, kind: 'center' | 'station' | 'room' | 'elderly', staffCount: number, established: string) => {
    await inTx((tx) => stations.create(tx, platform, office, office.scope, { ref: `DEMO-GFZ-${s}`, unitId, name, kind, staffCount, establishedDate: established }));
    s++;
  };
  await station(justice, '示范县公共法律服务中心', 'center', 12, '2018-06-01');
  const towns = await platform.db.selectFrom('org_units').select(['id', 'name', 'code']).where('kind', '=', 'town').where('code', 'like', 'SFX-%').orderBy('code').execute();
  for (const [i, t] of towns.entries()) await station(t.id, `${t.name.replace('示范县', '')}公共法律服务工作站`, 'station', 3 + (i % 3), `${2018 + (i % 3)}-09-01`);
  const villages = await platform.db.selectFrom('org_units').select(['id', 'name']).where('kind', '=', 'village').where('code', 'like', 'SFX-%').orderBy('code').execute();
  for (const v of villages.slice(0, 10)) await station(v.id, `${v.name}公共法律服务室`, 'room', 1, '2020-05-01');
  for (const [i, t] of towns.slice(0, 4).entries()) await station(t.id, `${t.name.replace('示范县', '')}老年人法律服务站`, 'elderly', 2, `${year - 1 - (i % 2)}-10-09`);

  // Legal aid: about 90 cases a year at the centre and the town stations.
  let a = 0;
  for (const y of [year - 2, year - 1, year]) {
    for (let i = 0; i < 90; i++) {
      const received = toDayNumber(`${y}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 11) % 27)).padStart(2, '0')}`);
      if (received > today) continue;
      const unitId = i % 3 === 0 ? towns[i % towns.length]!.id : justice;
      const matter = AID_MATTERS[i % AID_MATTERS.length]!;
      const id = await inTx((tx) => aidCases.create(tx, platform, office, office.scope, { ref: `DEMO-FY-${a}`, unitId, receivedDate: fromDayNumber(received), matter, applicant: `${'张王李赵刘陈'[i % 6]}某` }));
      a++;
      if (received + 5 > today) continue;
      if (i % 17 === 9) {
        await applyTransition(platform, office, LEGAL_AID_WORKFLOW, id, 'refuse', { version: 1, date: fromDayNumber(received + 5), note: '经济状况不符合法律援助条件' });
        continue;
      }
      await applyTransition(platform, office, LEGAL_AID_WORKFLOW, id, 'approve', { version: 1, date: fromDayNumber(received + 5) });
      const closed = received + 60 + (i % 5) * 20;
      if (closed > today) continue;
      const wages = matter.startsWith('劳动争议') ? (18_000 + ((i * 3700) % 40_000)) * 100 : undefined;
      await applyTransition(platform, office, LEGAL_AID_WORKFLOW, id, 'close', { version: 2, date: fromDayNumber(closed), values: wages ? { wagesRecoveredFen: wages } : {} });
    }
  }

  // Notarisations by kind and consultations by channel, every month up to this one.
  let n = 0;
  let c = 0;
  const kinds = Object.keys(NOTARY_KINDS) as (keyof typeof NOTARY_KINDS)[];
  const channels = Object.keys(CONSULT_CHANNELS) as (keyof typeof CONSULT_CHANNELS)[];
  for (const y of [year - 2, year - 1, year]) {
    for (let m = 1; m <= 12; m++) {
      const at = `${y}-${String(m).padStart(2, '0')}`;
      if (at > month) continue;
      for (const [k, kind] of kinds.entries()) {
        const count = [120, 38, 9, 4][k]! + ((m * 7 + k * 3 + y) % 25);
        await inTx((tx) => notarizations.create(tx, platform, office, office.scope, { ref: `DEMO-GZ-${n}`, unitId: justice, month: at, kind, count }));
        n++;
      }
      for (const [k, channel] of channels.entries()) {
        const count = [210, 95, 140, 160][k]! + ((m * 13 + k * 5 + y) % 40);
        await inTx((tx) => consultations.create(tx, platform, office, office.scope, { ref: `DEMO-ZX-${c}`, unitId: justice, month: at, channel, count }));
        c++;
      }
    }
  }
  print(`公共法律服务演示数据：服务站点 ${s} 个，法律援助案件 ${a} 件，公证统计 ${n} 条，法律咨询统计 ${c} 条（${year - 2}—${year} 年）。`);
}
