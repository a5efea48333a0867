// Schema migrations: numbered SQL files in src/serve/migrations, applied in order, each in its
// own transaction; SQLite's user_version holds the number of the last one applied.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { packageRoot } from '../match/catalog.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS_DIR = (): string => join(packageRoot(), 'src', 'serve', 'migrations');

/** The migrations in a folder, named `NNNN-what.sql`; numbers must run 1, 2, 3 … without gaps. */
export function readMigrations(dir = MIGRATIONS_DIR()): Migration[] {
  const out = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const m = /^(\d{4})-([a-z0-9-]+)\.sql$/.exec(f);
      if (m === null) throw new Error(`${join(dir, f)}: a migration is named NNNN-what.sql`);
      return { version: Number(m[1]), name: m[2] as string, sql: readFileSync(join(dir, f), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  out.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`${dir}: migration ${i + 1} is missing (found ${m.version} next)`);
  });
  return out;
}

/** Applies the migrations the database has not seen; refuses a database newer than this code. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = readMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`the database is at schema ${current}, newer than this kube-forensics (${migrations.length}); upgrade kube-forensics`);
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return migrations.length - current;
}
