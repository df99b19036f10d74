import { type DataSource, MigrationExecutor, type QueryRunner } from 'typeorm';

/**
 * Transaction-scoped advisory lock taken before reading or changing the migration state, so that
 * processes starting together on the same database apply each migration once. Inside the served
 * PGlite the lock is shared by every connection (one backend), but there the open transaction
 * itself keeps the other connections waiting, which gives the same guarantee.
 */
const MIGRATION_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('mileva:migrations', 0))`;

/** Applies the pending migrations in one transaction under the migration lock; returns their names. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return withMigrationLock(dataSource, async (queryRunner) => {
    const executor = new MigrationExecutor(dataSource, queryRunner);
    executor.transaction = 'all';
    const applied = await executor.executePendingMigrations();
    return applied.map((migration) => migration.name);
  });
}

/** Reverts every applied migration, newest first, under the migration lock; returns their names. */
export async function revertAllMigrations(
  dataSource: DataSource,
): Promise<string[]> {
  return withMigrationLock(dataSource, async (queryRunner) => {
    const executor = new MigrationExecutor(dataSource, queryRunner);
    const reverted: string[] = [];
    for (;;) {
      const [latest] = await executor.getExecutedMigrations();
      if (!latest) return reverted;
      await executor.undoLastMigration();
      reverted.push(latest.name);
    }
  });
}

async function withMigrationLock<T>(
  dataSource: DataSource,
  work: (queryRunner: QueryRunner) => Promise<T>,
): Promise<T> {
  const queryRunner = dataSource.createQueryRunner('master');
  try {
    await queryRunner.connect();
    await queryRunner.startTransaction();
    await queryRunner.query(MIGRATION_LOCK_SQL);
    const result = await work(queryRunner);
    await queryRunner.commitTransaction();
    return result;
  } catch (error) {
    if (queryRunner.isTransactionActive) {
      await queryRunner.rollbackTransaction().catch(() => undefined);
    }
    throw error;
  } finally {
    await queryRunner.release();
  }
}
