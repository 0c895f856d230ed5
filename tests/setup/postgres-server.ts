import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL on the PostgreSQL server this run started; empty when none could be started. */
    postgresUrl: string;
  }
}

function findBinDir(): string | null {
  for (const candidate of [process.env['PG_BINDIR'], ...versionedBinDirs()]) {
    if (candidate && existsSync(join(candidate, 'initdb')) && existsSync(join(candidate, 'pg_ctl')))
      return candidate;
  }
  return null;
}

function versionedBinDirs(): string[] {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(base, version, 'bin'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throw-away PostgreSQL server from the installed binaries on a free loopback port
 * (initdb refuses root, so the cluster is run by the `postgres` system user when we are root),
 * and stops it when the run ends. Under CI=true a missing server is a failure, not a skip.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const binDir = findBinDir();
  if (!binDir) {
    if (process.env['CI'] === 'true')
      throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install -y postgresql');
    process.stderr.write(
      'PostgreSQL binaries not found: the postgres project is skipped (install postgresql to run it)\n',
    );
    project.provide('postgresUrl', '');
    return () => undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'labo-pg-'));
  const dataDir = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (bin: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(binDir, bin);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(binDir, bin), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', dataDir, '-U', 'labo', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  project.provide('postgresUrl', `postgres://labo@127.0.0.1:${port}/postgres`);
  return () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
