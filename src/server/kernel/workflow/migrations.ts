import type { Kysely } from 'kysely';
import type { MigrationSet } from '../db/migrations.ts';
import { chinaToday } from '../calendar/days.ts';
import { DeadlineStore, recomputeOpenClocks } from '../calendar/store.ts';

export const clockMigrations: MigrationSet = () => ({
  // A running daily job beats every minute: a claim whose beat has stopped (the process was killed
  // mid-run) is taken over instead of keeping the day's run from ever happening.
  kernel_0018_job_heartbeat: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('job_runs').addColumn('heartbeat_at', 'text').execute();
    },
  },
  // A date someone set (a task's 完成时限, a finding's 整改期限) no longer rolls off a rest day like a
  // statutory period (docs/deadlines.md): the open clocks counting to one get their stored date again.
  kernel_0014_fixed_dates_do_not_roll: {
    async up(db: Kysely<any>) {
      const deadlines = await new DeadlineStore(db).loadUncommitted(db);
      await recomputeOpenClocks(db, deadlines, chinaToday(), null);
    },
  },
});
