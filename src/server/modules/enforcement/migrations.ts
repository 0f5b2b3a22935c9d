import type { Kysely } from 'kysely';
import { withStamps, type MigrationSet } from '../../kernel/db/migrations.ts';

export const enforcementMigrations: MigrationSet = () => ({
  enforcement_0001_registers: {
    async up(db: Kysely<any>) {
      await withStamps(
        db.schema
          .createTable('enforcement_bodies')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text')
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('basis', 'text')
          .addColumn('entrusted_by', 'text'),
      ).execute();
      // Refs are unique per unit: an import resolves them within the importer's scope (kernel/imports/by-ref.ts).
      await db.schema.createIndex('enforcement_bodies_unit_ref').on('enforcement_bodies').columns(['unit_id', 'ref']).unique().execute();

      await withStamps(
        db.schema
          .createTable('enforcement_powers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text')
          .addColumn('body_id', 'text', (c) => c.notNull().references('enforcement_bodies.id'))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('basis', 'text', (c) => c.notNull())
          .addColumn('delegated', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('delegated_by', 'text')
          .addColumn('delegated_date', 'text'),
      ).execute();
      await db.schema.createIndex('enforcement_powers_body').on('enforcement_powers').column('body_id').execute();

      await withStamps(
        db.schema
          .createTable('enforcement_officers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text')
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('body_id', 'text', (c) => c.notNull().references('enforcement_bodies.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('id_number_enc', 'text', (c) => c.notNull())
          .addColumn('id_number_hash', 'text', (c) => c.notNull())
          .addColumn('post', 'text', (c) => c.notNull())
          .addColumn('supervisor', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('certificate_number', 'text')
          .addColumn('certificate_issued_date', 'text')
          .addColumn('certificate_valid_until', 'text')
          .addColumn('certificate_status', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('since_date', 'text', (c) => c.notNull())
          .addColumn('left_date', 'text')
          .addColumn('revoked_date', 'text')
          .addColumn('expiry_warned_for', 'text'),
      ).execute();
      await db.schema.createIndex('enforcement_officers_unit_ref').on('enforcement_officers').columns(['unit_id', 'ref']).unique().execute();
      // A certificate number names one officer in the county (officers without one are many: NULLs differ).
      await db.schema.createIndex('enforcement_officers_certificate').on('enforcement_officers').column('certificate_number').unique().execute();
      await db.schema.createIndex('enforcement_officers_body').on('enforcement_officers').columns(['body_id', 'status']).execute();
      await db.schema.createIndex('enforcement_officers_id_hash').on('enforcement_officers').column('id_number_hash').execute();
      await db.schema.createIndex('enforcement_officers_valid_until').on('enforcement_officers').columns(['certificate_valid_until', 'status']).execute();

      await db.schema
        .createTable('enforcement_certificate_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('officer_id', 'text', (c) => c.notNull().references('enforcement_officers.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('certificate_number', 'text')
        .addColumn('valid_until', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .execute();
      await db.schema.createIndex('enforcement_certificate_events_officer').on('enforcement_certificate_events').columns(['officer_id', 'date']).execute();
      await db.schema.createIndex('enforcement_certificate_events_date').on('enforcement_certificate_events').columns(['date', 'kind', 'unit_id']).execute();

      await db.schema
        .createTable('enforcement_trainings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('officer_id', 'text', (c) => c.notNull().references('enforcement_officers.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('hours', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .execute();
      await db.schema.createIndex('enforcement_trainings_officer').on('enforcement_trainings').columns(['officer_id', 'date']).execute();

      await db.schema
        .createTable('enforcement_settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
    },
  },
  // 四张清单 and the inspection catalog: items per body, in force from publication until repealed.
  enforcement_0002_list_items: {
    async up(db: Kysely<any>) {
      await withStamps(
        db.schema
          .createTable('enforcement_list_items')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ref', 'text')
          .addColumn('body_id', 'text', (c) => c.notNull().references('enforcement_bodies.id'))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('list', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('basis', 'text', (c) => c.notNull())
          .addColumn('conditions', 'text')
          .addColumn('published_date', 'text', (c) => c.notNull())
          .addColumn('repealed_date', 'text'),
      ).execute();
      await db.schema.createIndex('enforcement_list_items_unit_ref').on('enforcement_list_items').columns(['unit_id', 'ref']).unique().execute();
      await db.schema.createIndex('enforcement_list_items_body').on('enforcement_list_items').columns(['body_id', 'list']).execute();
      await db.schema.createIndex('enforcement_list_items_figures').on('enforcement_list_items').columns(['list', 'published_date', 'repealed_date', 'unit_id']).execute();
    },
  },
});
