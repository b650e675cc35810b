import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import type { AppError } from '../../domain/index.js';

/** What a database error means to the application, or undefined to let it pass unchanged. */
export type ErrorTranslator = (error: unknown) => AppError | undefined;

/** A connection whose every failure is translated; the driver hands the wrapped one back. */
class TranslatingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly fail: (error: unknown) => never,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      this.fail(error);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number) {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (error) {
      this.fail(error);
    }
  }
}

class TranslatingDriver implements Driver {
  readonly #inner: Driver;
  readonly #fail: (error: unknown) => never;
  /** One wrapper per pooled connection, so the inner driver always gets its own back. */
  readonly #wrappers = new WeakMap<DatabaseConnection, TranslatingConnection>();

  constructor(inner: Driver, translate: ErrorTranslator) {
    this.#inner = inner;
    this.#fail = (error) => {
      throw translate(error) ?? error;
    };
  }

  #guard<T>(work: () => Promise<T>): Promise<T> {
    return work().catch(this.#fail);
  }

  init(): Promise<void> {
    return this.#guard(() => this.#inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.#guard(() => this.#inner.acquireConnection());
    let wrapper = this.#wrappers.get(connection);
    if (!wrapper) {
      wrapper = new TranslatingConnection(connection, this.#fail);
      this.#wrappers.set(connection, wrapper);
    }
    return wrapper;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#guard(() => this.#inner.beginTransaction(unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#guard(() => this.#inner.commitTransaction(unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#guard(() => this.#inner.rollbackTransaction(unwrap(connection)));
  }

  savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#guard(() => savepoints(this.#inner).savepoint(unwrap(connection), name, compile));
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#guard(() =>
      savepoints(this.#inner).rollbackToSavepoint(unwrap(connection), name, compile),
    );
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#guard(() =>
      savepoints(this.#inner).releaseSavepoint(unwrap(connection), name, compile),
    );
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

const unwrap = (connection: DatabaseConnection): DatabaseConnection =>
  connection instanceof TranslatingConnection ? connection.inner : connection;

/** Both drivers we wrap implement savepoints; one without them is refused plainly. */
const savepoints = (driver: Driver): Required<Driver> => {
  if (!driver.savepoint || !driver.rollbackToSavepoint || !driver.releaseSavepoint) {
    throw new Error('The database driver does not support savepoints.');
  }
  return driver as Required<Driver>;
};

/**
 * The dialect with every driver failure (acquiring a connection, a query, begin, commit,
 * rollback) passed through `translate`: database errors become the AppErrors they mean in one
 * place, whichever query or transaction met them.
 */
export const translatingDialect = (dialect: Dialect, translate: ErrorTranslator): Dialect => ({
  createAdapter: () => dialect.createAdapter(),
  createQueryCompiler: () => dialect.createQueryCompiler(),
  createIntrospector: (db) => dialect.createIntrospector(db),
  createDriver: () => new TranslatingDriver(dialect.createDriver(), translate),
});
