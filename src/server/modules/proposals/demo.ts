// The demo county's NPC suggestions and CPPCC proposals over three years. Idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { checkFileType } from '../../kernel/attachments/store.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { PROPOSAL_WORKFLOW } from '../../../shared/schemas/proposals.ts';
import { createProposal } from './proposals.ts';
import { demoStart } from '../../kernel/demo.ts';

const TITLES = ['关于加强农村法律顾问服务的建议', '关于规范涉企行政检查的建议', '关于推进“法律明白人”培养的提案', '关于优化政务服务“一网通办”的提案', '关于加强校园周边综合治理的建议', '关于完善矛盾纠纷多元化解机制的提案', '关于加强食品安全监管的建议', '关于规范城市管理执法的提案'];
const UNITS: [string, string][] = [['SFX-D01', 'lly_sfx_d01'], ['SFX-D21', 'lly_sfx_d21'], ['SFX-D03', 'jyj_liaison'], ['SFX-D28', 'lly_sfx_d28']];

export async function loadDemoProposals(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'proposals', ref: 'DEMO-PROP-0', title: '建议提案' });
  if (!demo) return;
  const { office, units, store, today } = demo;
  const year = Number(chinaToday().slice(0, 4));
  let n = 0;
  for (const y of [year - 2, year - 1, year]) {
    for (let i = 0; i < 8; i++) {
      const [code, username] = UNITS[i % UNITS.length]!;
      const assigned = toDayNumber(`${y}-03-${String(10 + i).padStart(2, '0')}`);
      if (assigned > today) continue;
      const kind = i % 2 === 0 ? 'npc' : 'cppcc';
      const id = await platform.db.transaction().execute((tx) =>
        createProposal(tx, platform, office, { ref: `DEMO-PROP-${n}`, kind, number: String(i + 1), title: TITLES[i]!, proposer: kind === 'npc' ? '县人大代表' : '县政协委员', leadUnitId: units.get(code)!, assignedDate: fromDayNumber(assigned), complex: i === 5, filed: kind === 'cppcc' ? i !== 7 : null }),
      );
      n++;
      const replyAfter = i === 3 ? 100 : 45 + i * 5; // one replied late
      if (assigned + replyAfter > today || (y === year && i >= 6)) continue;
      const liaison = await actingAs(platform, username);
      const buffer = Buffer.from('答复函（演示材料）\n', 'utf8');
      const filename = '答复函.txt';
      await platform.db.insertInto('attachments').values({ id: newId(), content_hash: store.put(buffer), size: buffer.length, mime: await checkFileType(filename, buffer), filename, record_type: PROPOSAL_WORKFLOW.recordType, record_id: id, unit_id: units.get(code)!, uploaded_by: liaison.id, uploaded_at: nowIso() }).execute();
      const version = async () => (await platform.db.selectFrom('proposals').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
      await applyTransition(platform, liaison, PROPOSAL_WORKFLOW, id, 'reply', { version: await version(), date: fromDayNumber(assigned + replyAfter) });
      if (assigned + replyAfter + 20 <= today) {
        await applyTransition(platform, office, PROPOSAL_WORKFLOW, id, 'close', { version: await version(), date: fromDayNumber(assigned + replyAfter + 20), values: { satisfaction: i === 3 ? 'basically' : 'satisfied' } });
      }
    }
  }
  // One replied recently, waiting for the proposer's satisfaction.
  {
    const [code, username] = UNITS[0]!;
    const id = await platform.db.transaction().execute((tx) =>
      createProposal(tx, platform, office, { ref: `DEMO-PROP-${n}`, kind: 'npc', number: '21', title: '关于推进公共法律服务进社区的建议', proposer: '县人大代表', leadUnitId: units.get(code)!, assignedDate: fromDayNumber(today - 60) }),
    );
    n++;
    const liaison = await actingAs(platform, username);
    const buffer = Buffer.from('答复函（演示材料）\n', 'utf8');
    await platform.db.insertInto('attachments').values({ id: newId(), content_hash: store.put(buffer), size: buffer.length, mime: await checkFileType('答复函.txt', buffer), filename: '答复函.txt', record_type: PROPOSAL_WORKFLOW.recordType, record_id: id, unit_id: units.get(code)!, uploaded_by: liaison.id, uploaded_at: nowIso() }).execute();
    await applyTransition(platform, liaison, PROPOSAL_WORKFLOW, id, 'reply', { version: 1, date: fromDayNumber(today - 5) });
  }
  print(`建议提案演示数据：${n} 件（${year - 2}—${year} 年）。`);
}
