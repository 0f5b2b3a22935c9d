// Generates a province-scale organisation: ≥ 10,000 units and as many users, straight into the
// database (SQLite under FAZHI_DATA_DIR, or DATABASE_URL). Usage: npm run bench:generate [-- UNITS]
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.ts';
import { openPlatform } from '../src/server/kernel/platform.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { hashPassword } from '../src/server/kernel/auth/passwords.ts';
import { bootstrap } from '../src/server/kernel/bootstrap.ts';
import { newId, nowIso } from '../src/server/kernel/ids.ts';
import type { OrgUnitTable, UserTable } from '../src/server/kernel/db/tables.ts';

export const BENCH_PASSWORD = 'Bench#Pass2026';
const target = Number(process.argv[2] ?? 10_000);

const config = loadConfig();
const { platform } = await openPlatform(config, MODULES);
await bootstrap(platform);
const started = performance.now();
const passwordHash = await hashPassword(BENCH_PASSWORD); // one hash for all: the bench measures reads
const now = nowIso();
const units: OrgUnitTable[] = [];
const users: UserTable[] = [];
const roles: { user_id: string; role: string }[] = [];

function unit(code: string, name: string, kind: string, parent: OrgUnitTable | null): OrgUnitTable {
  const id = newId();
  const row: OrgUnitTable = { id, code, name, kind, category: kind === 'department' ? '部门' : kind === 'town' ? '乡镇' : null, parent_id: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, credit_code: null, active: 1, sort_order: 0, version: 1, created_at: now, created_by: null, updated_at: now, updated_by: null };
  units.push(row);
  const username = `b_${code.toLowerCase().replaceAll('-', '_')}`;
  const userId = newId();
  users.push({ id: userId, username, name: `${name}联络员`, unit_id: id, password_hash: passwordHash, password_changed_at: now, must_change_password: 0, disabled: 0, failed_logins: 0, first_failed_at: null, locked_until: null, phone_enc: null, phone_hash: null, id_number_enc: null, id_number_hash: null, last_login_at: null, totp_secret_enc: null, totp_pending_enc: null, totp_enabled_at: null, totp_last_step: null, password_reset_requested_by: null, password_reset_requested_at: null, version: 1, created_at: now, created_by: null, updated_at: now, updated_by: null });
  roles.push({ user_id: userId, role: kind === 'province' ? 'law_office' : kind === 'county' ? 'unit_head' : 'unit_liaison' });
  return row;
}

const province = unit('BP', '基准省司法厅', 'province', null);
let c = 0;
outer: for (let city = 1; ; city++) {
  const cityUnit = unit(`BP-C${city}`, `基准省第${city}市`, 'other', province);
  for (let county = 1; county <= 10; county++) {
    const countyUnit = unit(`BP-C${city}-K${county}`, `第${city}市第${county}县`, 'county', cityUnit);
    for (let d = 1; d <= 40; d++) unit(`BP-C${city}-K${county}-D${d}`, `第${city}市第${county}县第${d}局`, 'department', countyUnit);
    for (let t = 1; t <= 20; t++) {
      const town = unit(`BP-C${city}-K${county}-T${t}`, `第${city}市第${county}县第${t}镇`, 'town', countyUnit);
      for (let v = 1; v <= 2; v++) unit(`BP-C${city}-K${county}-T${t}-V${v}`, `第${t}镇第${v}村`, 'village', town);
    }
    if (units.length >= target) break outer;
  }
  c = city;
}
// The unit kind 'province' is only the bench's label for the root.
units[0].kind = 'other';

await platform.db.transaction().execute(async (tx) => {
  for (let i = 0; i < units.length; i += 500) await tx.insertInto('org_units').values(units.slice(i, i + 500)).execute();
  for (let i = 0; i < users.length; i += 300) await tx.insertInto('users').values(users.slice(i, i + 300)).execute();
  for (let i = 0; i < roles.length; i += 1000) await tx.insertInto('user_roles').values(roles.slice(i, i + 1000)).execute();
});
// Statistics (and, on PostgreSQL, the visibility map for index-only scans) as a live database's
// autovacuum would keep them: without them PostgreSQL sorts the whole users table for each page.
await sql.raw(platform.dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(platform.db);
console.log(`generated ${units.length} units and ${users.length} users (${c + 1} cities) in ${Math.round(performance.now() - started)} ms`);
console.log(`law-office account: b_bp / ${BENCH_PASSWORD}; county head e.g. b_bp_c1_k1`);
await platform.close();
