/** Error codes of the persistence library, stable across releases. */
export enum PersistenceErrorCode {
  InvalidConfig = 'PERSISTENCE_INVALID_CONFIG',
  DataDirLocked = 'PERSISTENCE_DATA_DIR_LOCKED',
}

/** Base class of every error raised by `@mileva/persistence`; its message is meant for the user. */
export class PersistenceError extends Error {
  constructor(
    readonly code: PersistenceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The database configuration is invalid; `variable` names the environment variable to fix. */
export class DatabaseConfigError extends PersistenceError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(PersistenceErrorCode.InvalidConfig, message);
  }
}

/** Another live process already holds the embedded database directory. */
export class DatabaseLockedError extends PersistenceError {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      PersistenceErrorCode.DataDirLocked,
      `La base embarquée ${dataDir} est déjà utilisée par un autre processus MILEVA (pid ${ownerPid}). ` +
        'Arrêtez-le ou choisissez un autre MILEVA_DATA_DIR.',
    );
  }
}
