import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import {
  CamelCasePlugin,
  type PluginTransformResultArgs,
  type QueryResult,
  type UnknownRow,
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  type Transaction,
} from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DialectName } from './dialect.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  /** SQLite file path or the PostgreSQL URL (without password) — for backup and logs. */
  location: string;
  sqlite?: SqliteDatabase.Database;
  pool?: pg.Pool;
  close(): Promise<void>;
}

// int8 and numeric come back as strings from node-pg; our values (fen, scaled quantities,
// counts) stay far below 2^53, so numbers are exact and keep both dialects alike.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Write transactions take the RESERVED lock up front, so two writers never deadlock on upgrade. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: SqliteDialectConfig) {
    super(cfg);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and preparing
 * costs about as much as running a small query. Cache them by SQL text (bounded).
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        if (cache.size >= 1000) cache.clear();
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/**
 * CamelCasePlugin with its name mappings remembered: Kysely converts every identifier of every
 * query and every column of every result row character by character. Names come from code
 * and schema, so the maps stay small; the cap only guards against a caller building aliases.
 * A result whose columns are already camelCase and hold no objects is passed through as it is
 * instead of copied row by row (a report reading 30,000 summary rows spent 30 ms copying them).
 */
class CachedCamelCasePlugin extends CamelCasePlugin {
  #snake = new Map<string, string>();
  #camel = new Map<string, string>();
  static #remember(map: Map<string, string>, key: string, make: () => string): string {
    let v = map.get(key);
    if (v === undefined) {
      v = make();
      if (map.size < 10_000) map.set(key, v);
    }
    return v;
  }
  override snakeCase(str: string): string {
    return CachedCamelCasePlugin.#remember(this.#snake, str, () => super.snakeCase(str));
  }
  override camelCase(str: string): string {
    return CachedCamelCasePlugin.#remember(this.#camel, str, () => super.camelCase(str));
  }
  override async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const rows = args.result.rows;
    const first = rows[0];
    if (first && Object.keys(first).every((k) => this.camelCase(k) === k) && rows.every(flat)) return args.result;
    return super.transformResult(args);
  }
}

/** No column holds an object or array (JSON that the plugin would convert the keys of). */
function flat(row: UnknownRow): boolean {
  for (const k in row) {
    const v = row[k];
    if (typeof v === 'object' && v !== null) return false;
  }
  return true;
}

export function openDatabase(url: string, opts: { poolSize?: number; synchronous?: 'FULL' | 'NORMAL' } = {}): DbHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    // JIT compiling costs 50–100 ms per query and pays off only for long analytical scans; the
    // planner's row estimates for the reports' range reads turn it on where it costs more than
    // the query itself (sales by month at 1,000,000 orders: 90 ms with JIT, 3 ms without).
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, options: '-c jit=off' });
    pool.on('error', () => {}); // idle client errors are retried by the pool
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CachedCamelCasePlugin()] });
    return {
      db,
      dialect: 'postgres',
      location: url.replace(/:[^:@/]*@/, ':***@'),
      pool,
      close: () => db.destroy(),
    };
  }
  const file = url.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  // Larger auto-checkpoint interval removes p99 spikes under sustained writes (DESIGN.md).
  sqlite.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CachedCamelCasePlugin()],
  });
  return { db, dialect: 'sqlite', location: resolve(file), sqlite, close: () => db.destroy() };
}
