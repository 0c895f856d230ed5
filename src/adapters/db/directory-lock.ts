import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface DirectoryLock {
  release(): void;
}

export class DataDirectoryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Le dossier de données ${dataDir} est déjà utilisé par un autre processus Labo (pid ${pid}). ` +
        `Arrêtez-le ou choisissez un autre dossier avec LABO_DATA_DIR.\n` +
        `The data directory ${dataDir} is already in use by another Labo process (pid ${pid}). ` +
        `Stop it or choose another directory with LABO_DATA_DIR.`,
    );
    this.name = 'DataDirectoryLockedError';
  }
}

/**
 * An exclusive lock on a PGlite data directory: a file created with O_EXCL holding our pid.
 * A lock left by a killed process (its pid no longer runs) is taken over, so a crash never
 * blocks the next start.
 */
export function acquireDirectoryLock(dataDir: string): DirectoryLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'labo.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
        throw new DataDirectoryLockedError(dataDir, holder);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
