// The demo county's audits over three years: seven projects a year (mostly 经济责任审计 of outgoing
// unit heads), 32 findings with their amounts; older findings rectified with evidence and verified,
// this year's partly open. Idempotent by ref.
import type { Platform } from '../../kernel/platform.ts';
import { actingAs } from '../../kernel/auth/acting-as.ts';
import { applyTransition } from '../../kernel/workflow/engine.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { checkFileType } from '../../kernel/attachments/store.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { demoStart } from '../../kernel/demo.ts';
import { AUDIT_FINDING_CATEGORIES, AUDIT_FINDING_RECORD_TYPE, AUDIT_FINDING_WORKFLOW, type AuditKind } from '../../../shared/schemas/audits.ts';
import { createFinding, projects } from './audits.ts';

const AUDITED: [code: string, name: string][] = [
  ['SFX-D14', '农业农村局'], ['SFX-D11', '住房和城乡建设局'], ['SFX-D03', '教育局'], ['SFX-D17', '卫生健康局'], ['SFX-D13', '水利局'],
  ['SFX-T04', '青山镇'], ['SFX-D12', '交通运输局'], ['SFX-D06', '民政局'], ['SFX-T05', '河口镇'], ['SFX-D24', '林业局'], ['SFX-D16', '文化旅游广电体育局'],
];
const KINDS: AuditKind[] = ['economic_responsibility', 'economic_responsibility', 'economic_responsibility', 'budget', 'policy', 'investment', 'special'];
const TITLES: Record<AuditKind, string> = {
  economic_responsibility: '原主要负责人任期经济责任审计',
  budget: '预算执行和其他财政收支情况审计',
  policy: '重大政策措施落实情况跟踪审计',
  investment: '政府投资项目竣工决算审计',
  special: '专项资金管理使用情况专项审计',
};
const PROBLEMS = ['专项资金未按规定用途使用', '工程项目未按规定招标即开工建设', '往来款项长期挂账未清理', '公务用车管理不规范', '超标准列支会议费、培训费', '惠民资金发放不及时', '固定资产账实不符', '政府采购程序不规范'];
// Amounts of the 32 findings in 万元 (0: a management problem without an amount).
const AMOUNTS_WAN = [620.5, 0, 35.2, 1280, 0, 96.4, 410, 12.8, 0, 2250, 88.6, 0, 540.3, 31, 705, 0, 1890, 64.2, 0, 120, 930.7, 18.5, 0, 255, 77.3, 0, 140.8, 46, 0, 322.9, 9.6, 0];

export async function loadDemoAudits(platform: Platform, print: (line: string) => void): Promise<void> {
  const demo = await demoStart(platform, print, { table: 'audit_projects', ref: 'DEMO-AUD-0', title: '审计监督' });
  if (!demo) return;
  const { office, units, store, today } = demo;
  const year = Number(chinaToday().slice(0, 4));
  let p = 0;
  let n = 0;
  for (const y of [year - 2, year - 1, year]) {
    for (let i = 0; i < 7; i++) {
      const date = toDayNumber(`${y}-${String(3 + i).padStart(2, '0')}-${String(10 + i * 2).padStart(2, '0')}`);
      if (date > today) continue;
      const [code, name] = AUDITED[(p * 3) % AUDITED.length]!;
      const kind = KINDS[i]!;
      const projectId = await platform.db.transaction().execute((tx) =>
        projects.create(tx, platform, office, office.scope, { ref: `DEMO-AUD-${p}`, unitId: units.get(code)!, kind, title: `${name}${TITLES[kind]}`, date: fromDayNumber(date), period: `${y - 3}年1月—${y - 1}年12月`, auditor: '示范县审计局' }),
      );
      p++;
      for (let k = 0; k < (i % 3 === 0 ? 2 : 1) + (i === 6 ? 1 : 0) && n < AMOUNTS_WAN.length; k++) {
        const id = await platform.db.transaction().execute((tx) =>
          createFinding(tx, platform, office, office.scope, { ref: `DEMO-AUDF-${n}`, projectId, description: PROBLEMS[n % PROBLEMS.length]!, category: AUDIT_FINDING_CATEGORIES[n % 5], amountFen: Math.round(AMOUNTS_WAN[n]! * 1_000_000) }),
        );
        n++;
        // Older findings rectified about two months after the report and verified; this year's half open.
        const rectified = date + 50 + (n % 4) * 10;
        if (rectified > today || (y === year && n % 2 === 0)) continue;
        const liaison = await actingAs(platform, `lly_${code.toLowerCase().replaceAll('-', '_')}`);
        const buffer = Buffer.from('审计整改报告（演示材料）\n', 'utf8');
        await platform.db.insertInto('attachments').values({ id: newId(), content_hash: store.put(buffer), size: buffer.length, mime: await checkFileType('审计整改报告.txt', buffer), filename: '审计整改报告.txt', record_type: AUDIT_FINDING_RECORD_TYPE, record_id: id, unit_id: units.get(code)!, uploaded_by: liaison.id, uploaded_at: nowIso() }).execute();
        await applyTransition(platform, liaison, AUDIT_FINDING_WORKFLOW, id, 'rectify', { version: 1, date: fromDayNumber(rectified), values: { measures: '已制定整改方案，追回或规范相关资金，完善内控制度并落实到人。' } });
        if (rectified + 15 <= today) await applyTransition(platform, office, AUDIT_FINDING_WORKFLOW, id, 'verify', { version: 2, date: fromDayNumber(rectified + 15), values: { verifyNote: '经现场核查，整改到位，予以销号。' } });
      }
    }
  }
  print(`审计监督演示数据：审计项目 ${p} 个，发现问题 ${n} 个（${year - 2}—${year} 年）。`);
}
