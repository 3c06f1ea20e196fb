import type { Database } from 'better-sqlite3';
import { VaultError } from '../errors';
import type { Migration } from './migration';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the newest schema, one migration per transaction, so a crash leaves it
 * at a known version. A database written by a newer Chat Vault is refused, never downgraded.
 */
export function migrate(db: Database, migrations: readonly Migration[], file: string): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new VaultError(
      'VAULT_FROM_FUTURE',
      `This vault was written by a newer Chat Vault (schema ${current}; this version knows up to ${latest}). Update Chat Vault to open it; the vault was not changed.`,
      { file },
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
