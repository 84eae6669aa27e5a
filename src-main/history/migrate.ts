import type { Db } from './connection.js';
import { HistoryError } from './history-error.js';
import { migrations as allMigrations } from './migrations/index.js';

/** One step of the schema. Versions are 1, 2, 3… in order; a step, once released, never changes. */
export interface Migration {
  readonly version: number;
  /** The file's name without extension, e.g. "0001-conversations". */
  readonly name: string;
  /** Runs inside the runner's transaction; throw to roll the whole upgrade back. */
  up(db: Db): void;
}

export interface MigrateOptions {
  migrations?: readonly Migration[];
  /** Stop at this version instead of the newest (tests migrate to n-1, insert, then to n). */
  to?: number;
}

export interface MigrateResult {
  from: number;
  to: number;
  /** Names of the migrations that ran, in order. */
  applied: string[];
}

/** The schema version stored in the file header (`PRAGMA user_version`); reading it writes nothing. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The newest version a list of migrations reaches. */
export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

/**
 * Throws storage_too_new when the file was written by a newer Duet. Reads only the header, so the
 * file is left exactly as it was: the newer Duet can still open it.
 */
export function refuseNewerSchema(db: Db, migrations: readonly Migration[] = allMigrations): void {
  const found = schemaVersion(db);
  const known = latestVersion(migrations);
  if (found > known) {
    throw new HistoryError(
      'storage_too_new',
      `This history was saved by a newer version of Duet (schema ${found}; this version understands up to ${known}). ` +
        `Update Duet to open it. Nothing in the file was changed.`,
    );
  }
}

/**
 * Moves the schema forward: runs every pending migration in one IMMEDIATE transaction and records the
 * new user_version there too, so an upgrade lands whole or not at all. Refuses a file from the future.
 * Starts no transaction when nothing is pending, so an up-to-date read-only file still opens.
 */
export function migrate(db: Db, options: MigrateOptions = {}): MigrateResult {
  const migrations = options.migrations ?? allMigrations;
  checkOrder(migrations);
  const target = Math.min(options.to ?? latestVersion(migrations), latestVersion(migrations));
  refuseNewerSchema(db, migrations);
  const from = schemaVersion(db);
  if (from >= target) return { from, to: from, applied: [] };

  const upgrade = db.transaction((): MigrateResult => {
    // Read again under the write lock: another Duet may have upgraded the file meanwhile.
    refuseNewerSchema(db, migrations);
    const start = schemaVersion(db);
    const applied: string[] = [];
    for (const m of migrations) {
      if (m.version <= start || m.version > target) continue;
      m.up(db);
      applied.push(m.name);
    }
    const to = Math.max(start, target);
    if (to !== start) db.pragma(`user_version = ${to}`);
    return { from: start, to, applied };
  });
  return upgrade.immediate();
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration ${m.name} has version ${m.version}; expected ${i + 1} (versions run 1, 2, 3… in order).`);
    }
  });
}
