// The demo county's mediation organisations and three years of disputes in every state and channel,
// some linked across channels (三调联动). Idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { DISPUTE_TYPES, DISPUTE_WORKFLOW } from '../../../shared/schemas/mediation.ts';
import { createDispute, createOrg } from './mediation.ts';
import { demoStart } from '../../kernel/demo.ts';

const ORGS: [ref: string, unit: string, name: string, type: string][] = [
  ['DEMO-ORG-T01', 'SFX-T01', '城关镇人民调解委员会', 'town'],
  ['DEMO-ORG-T04', 'SFX-T04', '青山镇人民调解委员会', 'town'],
  ['DEMO-ORG-V1', 'SFX-T01', '东关社区人民调解委员会', 'village'],
  ['DEMO-ORG-MED', 'SFX-D17', '县医疗纠纷人民调解委员会', 'industry'],
  ['DEMO-ORG-JOINT', 'SFX-D01', '县矛盾纠纷多元化解联合调解委员会', 'joint'],
];

export async function loadDemoMediation(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'mediation_orgs', ref: 'DEMO-ORG-T01', title: '矛盾纠纷调解' });
  if (!demo) return;
  const { office, units, today } = demo;
  const orgIds: string[] = [];
  for (const [ref, unit, name, type] of ORGS) orgIds.push(await platform.db.transaction().execute((tx) => createOrg(tx, platform, office, office.scope, { ref, unitId: units.get(unit)!, name, type, establishedDate: '2015-06-01' })));
  const year = Number(chinaToday().slice(0, 4));
  let n = 0;
  for (const y of [year - 2, year - 1, year]) {
    for (let i = 0; i < 12; i++) {
      const received = toDayNumber(`${y}-${String(1 + i).padStart(2, '0')}-0${1 + (i % 8)}`);
      if (received > today) continue;
      const [, unit] = ORGS[i % ORGS.length]!;
      const channel = i % 5 === 3 ? 'administrative' : i % 7 === 5 ? 'judicial' : 'people';
      const id = await platform.db.transaction().execute((tx) =>
        createDispute(tx, platform, office, office.scope, { ref: `DEMO-DSP-${n}`, unitId: units.get(unit)!, orgId: orgIds[i % orgIds.length]!, type: DISPUTE_TYPES[i % DISPUTE_TYPES.length]!, parties: ['张某与李某', '王某与某物业公司', '刘某与某建筑公司', '陈某与赵某'][i % 4]!, summary: '双方因相关事宜发生争议，申请调解。', receivedDate: fromDayNumber(received), channel, mediators: i % 3 === 0 ? '张调解员、李律师' : '张调解员', lawyerInvolved: i % 3 === 0 }),
      );
      n++;
      const version = async () => (await platform.db.selectFrom('disputes').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
      if (received + 2 > today) continue;
      await applyTransition(platform, office, DISPUTE_WORKFLOW, id, 'start', { version: await version(), date: fromDayNumber(received + 2) });
      if (received + 15 > today) continue; // still being mediated
      const outcome = i % 11 === 7 ? 'failure' : i % 9 === 4 ? 'transferred' : 'success';
      await applyTransition(platform, office, DISPUTE_WORKFLOW, id, 'close', { version: await version(), date: fromDayNumber(received + 12), values: { outcome, ...(outcome === 'success' ? { agreement: '双方自愿达成调解协议，当场履行。' } : {}) } });
      if (received + 40 <= today && i % 6 !== 5) {
        await applyTransition(platform, office, DISPUTE_WORKFLOW, id, 'revisit', { version: await version(), date: fromDayNumber(received + 40), values: { revisitResult: '协议已履行，双方无异议。' } });
      }
    }
  }
  // Two recent ones: just received, and being mediated.
  for (const [ago, start] of [[1, false], [6, true]] as const) {
    const id = await platform.db.transaction().execute((tx) =>
      createDispute(tx, platform, office, office.scope, { ref: `DEMO-DSP-${n}`, unitId: units.get('SFX-T01')!, orgId: orgIds[0]!, type: '物业纠纷', parties: '某小区业主与物业公司', summary: '物业费及公共维修争议。', receivedDate: fromDayNumber(today - ago), channel: 'people', mediators: '张调解员' }),
    );
    n++;
    if (start) await applyTransition(platform, office, DISPUTE_WORKFLOW, id, 'start', { version: 1, date: fromDayNumber(today - ago + 1) });
  }
  print(`矛盾纠纷调解演示数据：调解组织 ${ORGS.length} 个，纠纷 ${n} 件（${year - 2}—${year} 年）。`);
}
