/**
 * Turns at SQLite's one write lock, for processes that share a database
 * file and can talk to each other (the processes of a group,
 * REGIODESK_PROCESSES). A process whose `begin immediate` finds the lock
 * taken is put to sleep by SQLite's busy handler, 1, 2, 5, 10 ms at a time,
 * with its event loop stopped for every request it holds; taking turns
 * instead, it waits for its turn without blocking (its other requests go on
 * being read and answered) and begins the moment the other process commits.
 *
 * `writeTurnsDialect` wraps SQLite's Kysely dialect: every transaction waits
 * for a turn before it begins and gives it back when it commits or rolls
 * back. Writes outside a transaction, and processes outside the group, still
 * meet SQLite's busy timeout, as before.
 */
import { type DatabaseConnection, type Driver, SqliteDialect, type SqliteDialectConfig, type TransactionSettings } from 'kysely';

export interface WriteTurns {
  /** resolves when this process may write; call the answer to give the turn back */
  take(): Promise<() => void>;
}

/** Kysely's SQLite dialect whose transactions take turns with other processes'. */
export class WriteTurnsDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly turns: WriteTurns
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new TurnTakingDriver(super.createDriver(), this.turns);
  }
}

class TurnTakingDriver implements Driver {
  /** the turn each connection holds while its transaction is open */
  private readonly held = new WeakMap<DatabaseConnection, () => void>();

  savepoint?: Driver['savepoint'];
  rollbackToSavepoint?: Driver['rollbackToSavepoint'];
  releaseSavepoint?: Driver['releaseSavepoint'];

  constructor(
    private readonly inner: Driver,
    private readonly turns: WriteTurns
  ) {
    // savepoints live inside a transaction, which already holds the turn
    if (inner.savepoint) this.savepoint = inner.savepoint.bind(inner);
    if (inner.rollbackToSavepoint) this.rollbackToSavepoint = inner.rollbackToSavepoint.bind(inner);
    if (inner.releaseSavepoint) this.releaseSavepoint = inner.releaseSavepoint.bind(inner);
  }

  init() {
    return this.inner.init();
  }

  acquireConnection() {
    return this.inner.acquireConnection();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const giveBack = await this.turns.take();
    try {
      await this.inner.beginTransaction(connection, settings);
    } catch (error) {
      giveBack();
      throw error;
    }
    this.held.set(connection, giveBack);
  }

  async commitTransaction(connection: DatabaseConnection) {
    try {
      await this.inner.commitTransaction(connection);
    } finally {
      this.giveBack(connection);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    try {
      await this.inner.rollbackTransaction(connection);
    } finally {
      this.giveBack(connection);
    }
  }

  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(connection);
  }

  destroy() {
    return this.inner.destroy();
  }

  private giveBack(connection: DatabaseConnection) {
    this.held.get(connection)?.();
    this.held.delete(connection);
  }
}
