/** What went wrong with a data directory, said so that the person running the server can act on it. */
export class DataDirError extends Error {
  constructor(
    readonly dataDir: string,
    readonly reason: 'full' | 'read-only' | 'unavailable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DataDirError';
  }
}

const FULL = new Set(['ENOSPC', 'EFBIG', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_DBMOVED', 'SQLITE_AUTH']);

/**
 * Turns a file-system or SQLite error met while using `dataDir` into one naming the directory, the
 * cause (full, read-only, or the system's own words) and what to do. SQLite's "disk I/O error" alone
 * never reaches the user.
 */
export function dataDirError(dataDir: string, error: unknown): DataDirError {
  if (error instanceof DataDirError) return error;
  const code = (error as { code?: unknown }).code;
  const said = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && FULL.has(code))
    return new DataDirError(dataDir, 'full', `The data directory ${dataDir} is full (${said}): free some space on its disk, or start with --data on another disk.`, { cause: error });
  if (typeof code === 'string' && READ_ONLY.has(code))
    return new DataDirError(dataDir, 'read-only', `The data directory ${dataDir} cannot be written (${said}): give this user write access to it, or start with --data pointing to a writable directory.`, { cause: error });
  if (typeof code === 'string' && code.startsWith('SQLITE_IOERR'))
    return new DataDirError(dataDir, 'unavailable', `Writing to the data directory ${dataDir} failed (${code}: ${said}): its disk may be full or failing, or a file-size limit was reached; check the disk, or start with --data on another.`, { cause: error });
  return new DataDirError(dataDir, 'unavailable', `The data directory ${dataDir} cannot be used (${typeof code === 'string' ? `${code}: ` : ''}${said}): check its disk and permissions.`, { cause: error });
}
