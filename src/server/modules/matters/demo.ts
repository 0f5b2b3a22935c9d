// Demo matters for the 示范县, dated relative to today so that the 我的待办 page always shows red,
// yellow and green items. Idempotent: each matter has a ref.
import type { Platform } from '../../kernel/platform.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { BlobStore, checkFileType } from '../../kernel/attachments/store.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { MATTER_WORKFLOW } from '../../../shared/schemas/matters.ts';
import { createMatter } from './matters.ts';

interface DemoMatter {
  ref: string;
  unitCode: string;
  title: string;
  daysAgo: number;
  rule?: string;
  /** Transitions to run after creation: [key, acting username, note, days after assignment]. */
  steps: [string, string, string | undefined, number][];
}

const MATTERS: DemoMatter[] = [
  { ref: 'DEMO-MATTER-01', unitCode: 'SFX-D03', title: '报送校园周边行政执法检查情况', daysAgo: 25, steps: [] },
  { ref: 'DEMO-MATTER-02', unitCode: 'SFX-D03', title: '核查群众反映的培训机构收费投诉处理情况', daysAgo: 12, steps: [] },
  { ref: 'DEMO-MATTER-03', unitCode: 'SFX-D03', title: '报送本单位行政规范性文件清理结果', daysAgo: 2, steps: [] },
  { ref: 'DEMO-MATTER-04', unitCode: 'SFX-D21', title: '说明食品安全抽检不合格案件办理进度', daysAgo: 9, steps: [['reply', 'lly_sfx_d21', undefined, 6]] },
  { ref: 'DEMO-MATTER-05', unitCode: 'SFX-T01', title: '落实“法律明白人”培养工程情况', daysAgo: 18, steps: [['reply', 'cgz_liaison', undefined, 9], ['return', 'fzb_wang', '缺少培训签到表和名单，请补充后重新报送', 11]] },
  { ref: 'DEMO-MATTER-06', unitCode: 'SFX-T01', title: '报送人民调解委员会规范化建设自查表', daysAgo: 30, steps: [['reply', 'cgz_liaison', undefined, 8], ['accept', 'fzb_wang', undefined, 10]] },
  { ref: 'DEMO-MATTER-07', unitCode: 'SFX-D21', title: '梳理行政执法事项清单调整意见', daysAgo: 6, steps: [['suspend', 'fzb_wang', '待省级清单发布后再行梳理', 2]] },
];

const REPLY_TEXT = '已按要求完成，具体情况见所附台账材料。';

export async function loadDemoMatters(platform: Platform, print: (line: string) => void): Promise<void> {
  const existing = new Set((await platform.db.selectFrom('matters').select('ref').where('ref', 'like', 'DEMO-MATTER-%').execute()).map((r) => r.ref));
  const lawOffice = await actingAs(platform, 'fzb_wang');
  const store = new BlobStore(platform.config.attachmentsDir);
  let created = 0;
  for (const m of MATTERS) {
    if (existing.has(m.ref)) continue;
    const unit = await platform.db.selectFrom('org_units').select('id').where('code', '=', m.unitCode).executeTakeFirstOrThrow();
    const assignedDate = fromDayNumber(toDayNumber(chinaToday()) - m.daysAgo);
    const id = await platform.db.transaction().execute((tx) =>
      createMatter(tx, platform, lawOffice, lawOffice.scope, { ref: m.ref, unitId: unit.id, title: m.title, content: `请${m.title}，于期限内在系统中报送办理情况并上传台账材料。`, assignedDate }),
    );
    for (const [key, username, note, after] of m.steps) {
      const ctx = await actingAs(platform, username);
      if (key === 'reply') {
        const buffer = Buffer.from(`${m.title}\n办理情况说明（演示材料）\n`, 'utf8');
        const filename = '办理情况说明.txt';
        const mime = await checkFileType(filename, buffer);
        await platform.db.insertInto('attachments').values({ id: newId(), content_hash: store.put(buffer), size: buffer.length, mime, filename, record_type: MATTER_WORKFLOW.recordType, record_id: id, unit_id: unit.id, uploaded_by: ctx.id, uploaded_at: nowIso() }).execute();
      }
      const record = await platform.db.selectFrom('matters').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      await applyTransition(platform, ctx, MATTER_WORKFLOW, id, key, { version: record.version, note, date: fromDayNumber(toDayNumber(assignedDate) + after), values: key === 'reply' ? { reply: REPLY_TEXT } : undefined });
    }
    created++;
  }
  print(`交办事项演示数据：新增 ${created} 件（共 ${MATTERS.length} 件）。`);
}
