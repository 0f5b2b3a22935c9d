// The demo county (示范县): government, departments, towns, villages, and an account for every role.
import type { Platform } from '../../kernel/platform.ts';
import type { OrgUnitTable } from '../../kernel/db/tables.ts';
import { creditCodeCheckChar } from '../../../shared/validators.ts';
import { insertUnit } from './units.ts';
import { insertUser } from './users.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';

export const DEMO_PASSWORD = 'Shifan#2026';
export const DEMO_COUNTY_CODE = 'SFX';

const DEPARTMENTS = [
  '司法局', '发展和改革局', '教育局', '科技和工业信息化局', '公安局', '民政局', '财政局', '人力资源和社会保障局',
  '自然资源局', '生态环境分局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局',
  '文化旅游广电体育局', '卫生健康局', '退役军人事务局', '应急管理局', '审计局', '市场监督管理局', '统计局',
  '医疗保障局', '林业局', '城市管理综合执法局', '行政审批服务局', '信访局', '政务服务和数据管理局',
];
const TOWNS: [string, string[]][] = [
  ['城关镇', ['东关社区', '西关社区', '南街村']],
  ['东城街道', ['东城社区', '新华社区']],
  ['西城街道', ['西城社区']],
  ['青山镇', ['青山村', '茶园村', '石桥村']],
  ['河口镇', ['河口村', '渡口村']],
  ['白沙镇', []],
  ['石门乡', ['石门村']],
  ['龙泉镇', []],
  ['太平乡', []],
  ['清水镇', ['清水村']],
  ['桃源镇', []],
];

function demoCreditCode(seq: number): string {
  // 11 = 机关, 430000 = a Hunan prefix, then a 9-character organisation code.
  const first17 = `11430000MB${String(1000000 + seq).slice(-7)}`;
  return first17 + creditCodeCheckChar(first17);
}

export async function loadDemoOrg(platform: Platform, print: (line: string) => void): Promise<void> {
  const { db } = platform;
  const created = { units: 0, users: 0 };
  await db.transaction().execute(async (tx) => {
    const byCode = new Map((await tx.selectFrom('org_units').selectAll().execute()).map((u) => [u.code, u]));
    const ensure = async (code: string, name: string, kind: string, category: string | null, parent: OrgUnitTable | null, seq: number) => {
      const existing = byCode.get(code);
      if (existing) return existing;
      const unit = await insertUnit(tx, null, { code, name, kind, category, creditCode: kind === 'village' ? null : demoCreditCode(seq) }, parent);
      byCode.set(code, unit);
      created.units++;
      return unit;
    };
    const county = await ensure(DEMO_COUNTY_CODE, '示范县人民政府', 'county', null, null, 1);
    for (const [i, name] of DEPARTMENTS.entries()) {
      await ensure(`SFX-D${String(i + 1).padStart(2, '0')}`, `示范县${name}`, 'department', '部门', county, 10 + i);
    }
    for (const [i, [town, villages]] of TOWNS.entries()) {
      const townCode = `SFX-T${String(i + 1).padStart(2, '0')}`;
      const townUnit = await ensure(townCode, `示范县${town}`, 'town', '乡镇', county, 100 + i);
      for (const [j, village] of villages.entries()) {
        await ensure(`${townCode}-V${String(j + 1).padStart(2, '0')}`, `${town}${village}`, 'village', null, townUnit, 0);
      }
    }

    const existingUsers = new Set((await tx.selectFrom('users').select('username').execute()).map((u) => u.username));
    const accounts: [string, string, string, string[]][] = [
      ['demo_sysadmin', '系统管理员（演示）', DEMO_COUNTY_CODE, ['sys_admin']],
      ['demo_secadmin', '安全管理员（演示）', DEMO_COUNTY_CODE, ['sec_admin']],
      ['demo_auditor', '审计管理员（演示）', DEMO_COUNTY_CODE, ['audit_admin']],
      ['fzb_wang', '王法治', 'SFX-D01', ['law_office']],
      ['ducha_li', '李督察', 'SFX-D01', ['inspector']],
      ['shenhe_zhao', '赵审核', 'SFX-D01', ['reviewer']],
      ['leader_chen', '陈县长', DEMO_COUNTY_CODE, ['leader']],
      ['xzf_head', '县政府主要负责人', DEMO_COUNTY_CODE, ['unit_head']],
      ['jyj_liaison', '教育局联络员', 'SFX-D03', ['unit_liaison']],
      ['jyj_head', '教育局局长', 'SFX-D03', ['unit_head']],
      ['scj_officer', '市场监管执法员', 'SFX-D21', ['enforcement_officer']],
      ['cgz_liaison', '城关镇联络员', 'SFX-T01', ['unit_liaison']],
      ['cgz_head', '城关镇镇长', 'SFX-T01', ['unit_head']],
    ];
    print('演示账号（密码均为 ' + DEMO_PASSWORD + '）：');
    for (const [username, name, unitCode, roles] of accounts) {
      const unit = byCode.get(unitCode)!;
      const fresh = !existingUsers.has(username);
      if (fresh) {
        await insertUser(platform, tx, null, { username, name, unitId: unit.id, roles }, DEMO_PASSWORD, false);
        created.users++;
      }
      print(`  ${username.padEnd(14)} ${roles.map((r) => ROLES[r as Role] ?? r).join('、').padEnd(10, '　')} ${unit.name}${fresh ? '' : '（已存在，密码未改动）'}`);
    }
    // One liaison for every department and town, so later modules can assign work to each unit.
    for (const unit of byCode.values()) {
      if (!['department', 'town'].includes(unit.kind) || !unit.code.startsWith('SFX-')) continue;
      const username = `lly_${unit.code.toLowerCase().replaceAll('-', '_')}`;
      if (existingUsers.has(username)) continue;
      await insertUser(platform, tx, null, { username, name: `${unit.name.replace('示范县', '')}联络员`, unitId: unit.id, roles: ['unit_liaison'] }, DEMO_PASSWORD, false);
      created.users++;
    }
    print('  以及各部门、乡镇的联络员账号 lly_<单位编码>（如 lly_sfx_d05），密码同上。');
    print('  三个管理员账号首次登录时须用手机身份验证器扫码绑定两步验证（运维人员可用 fazhi user reset-totp 重置）。');
    await platform.audit.record(tx, { id: null, name: 'cli:demo', roles: ['system'], unitId: null, ip: null }, { action: 'system.demo', targetType: 'org_unit', targetId: county.id, detail: created });
  });
  print(`示范县组织机构：新增单位 ${created.units} 个，新增账号 ${created.users} 个。`);
}
