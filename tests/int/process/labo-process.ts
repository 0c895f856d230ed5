import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A `labo start` process, as a user runs it, with what it printed. */
export interface LaboProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
}

/** Spawns `node bin/labo.js start` on a PGlite data directory and a port, without waiting for it. */
export function spawnLabo(dataDir: string, port: number): LaboProcess {
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, 'bin/labo.js'), 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LABO_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      LABO_PUBLIC_URL: '',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? -1)),
  );
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Waits until /api/health answers, failing early when the process exits. */
export async function waitUntilServing(labo: LaboProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (labo.child.exitCode !== null || labo.child.signalCode !== null) {
      throw new Error(
        `labo start exited (${labo.child.exitCode ?? labo.child.signalCode}):\n${labo.output()}`,
      );
    }
    try {
      const response = await fetch(`${labo.url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`labo start did not serve within ${timeoutMs} ms:\n${labo.output()}`);
}

export async function startLabo(dataDir: string, port?: number): Promise<LaboProcess> {
  const labo = spawnLabo(dataDir, port ?? (await freePort()));
  await waitUntilServing(labo);
  return labo;
}

/** Sends a signal and waits for the exit, with a limit. */
export async function stopLabo(
  labo: LaboProcess,
  signal: NodeJS.Signals,
  timeoutMs = 20_000,
): Promise<number | string> {
  if (labo.child.exitCode !== null || labo.child.signalCode !== null) return labo.exited;
  labo.child.kill(signal);
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs));
  const result = await Promise.race([labo.exited, timeout]);
  if (result === 'timeout') {
    labo.child.kill('SIGKILL');
    throw new Error(`labo did not exit within ${timeoutMs} ms of ${signal}:\n${labo.output()}`);
  }
  return result;
}

/** The API as the web app calls it: same origin as the public address, JSON bodies. */
export function apiClient(labo: LaboProcess, cookie = '') {
  const origin = `http://localhost:${labo.port}`;
  return async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${labo.url}${path}`, {
      method,
      headers: {
        origin,
        ...(cookie && { cookie }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
}

export async function signInOver(labo: LaboProcess, email: string, password: string): Promise<string> {
  const response = await apiClient(labo)('POST', '/api/auth/sign-in/email', { email, password });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
