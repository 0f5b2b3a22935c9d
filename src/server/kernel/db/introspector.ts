// Kysely's PostgreSQL introspector lists the tables of every schema of the database and resolves each
// by name (pg_get_serial_sequence): when another schema is dropped meanwhile (another county's, or
// another test file's), the query fails with "schema … does not exist". Migrations and backups only
// need our own schema's tables, so this one looks there alone.
import { PostgresDialect, sql, type DatabaseIntrospector, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

interface ColumnRow {
  table: string;
  table_type: string;
  column: string;
  type: string;
  type_schema: string;
  not_null: boolean;
  has_default: boolean;
  identity: string;
  comment: string | null;
}

class SchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>, private readonly schema: string) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const rows = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows.rows;
  }

  async getTables(options: { withInternalKyselyTables?: boolean } = {}): Promise<TableMetadata[]> {
    const rows = await sql<ColumnRow>`
      select c.relname as "table", c.relkind as table_type, a.attname as "column", typ.typname as type,
        tns.nspname as type_schema, a.attnotnull as not_null, a.atthasdef as has_default,
        a.attidentity as identity, col_description(a.attrelid, a.attnum) as comment
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_catalog.pg_type typ on typ.oid = a.atttypid
      join pg_catalog.pg_namespace tns on tns.oid = typ.typnamespace
      where ns.nspname = ${this.schema} and c.relkind in ('r', 'v', 'p')
      order by c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
    for (const row of rows.rows) {
      if (!options.withInternalKyselyTables && row.table.startsWith('kysely_migration')) continue;
      let table = tables.get(row.table);
      if (!table) tables.set(row.table, (table = { name: row.table, schema: this.schema, isView: row.table_type === 'v', columns: [] }));
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        isNullable: !row.not_null,
        hasDefaultValue: row.has_default,
        isAutoIncrementing: row.identity !== '',
        comment: row.comment ?? undefined,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: { withInternalKyselyTables?: boolean }) {
    return { tables: await this.getTables(options) };
  }
}

/** PostgreSQL, with introspection limited to `schema`. */
export class SchemaPostgresDialect extends PostgresDialect {
  constructor(config: ConstructorParameters<typeof PostgresDialect>[0], private readonly schema: string) {
    super(config);
  }

  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SchemaIntrospector(db, this.schema);
  }
}
