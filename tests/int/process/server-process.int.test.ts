import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/adapters/db/seed/seed-demo.ts';
import { ensureWebBuilt } from '../../../src/main.ts';
import { testEngine } from '../../support/database.ts';
import {
  apiClient,
  freePort,
  signInOver,
  spawnLabo,
  startLabo,
  stopLabo,
  type LaboProcess,
} from './labo-process.ts';

/**
 * T6 (single-writer lock), T7 (graceful shutdown) and T5-lite (kill -9 during writes) on the real
 * `labo start` process over a PGlite data directory.
 *
 * NOTE: pglite project only. These tests are about the embedded database's data directory (its
 * lock, its clean close, its survival of a killed process); they start their own server with
 * DATABASE_URL unset, so the postgres project would only run the very same thing a second time.
 */

const FACILITATOR = 'facilitatrice@alsace.labo.test';

interface Created {
  id: string;
}

describe.skipIf(testEngine !== 'pglite')('labo start on a PGlite data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'labo-process-'));
  let server: LaboProcess | undefined;
  let cookie = '';

  beforeAll(async () => {
    // Build the web app here once, so that no server below spends its start-up building it.
    await ensureWebBuilt(() => {});
    server = await startLabo(dataDir);
    cookie = await signInOver(server, FACILITATOR, DEMO_PASSWORD);
  }, 240_000);

  afterAll(async () => {
    if (server) await stopLabo(server, 'SIGKILL').catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const running = (): LaboProcess => {
    if (!server) throw new Error('no server running');
    return server;
  };

  const organisationCount = async (labo: LaboProcess): Promise<number> => {
    const response = await apiClient(labo, cookie)('GET', '/api/organisations?pageSize=1');
    expect(response.status).toBe(200);
    return ((await response.json()) as { total: number }).total;
  };

  it('T6: refuses a second server on the same data directory, fast and in both languages, while the first keeps serving', async () => {
    const first = running();
    const before = await organisationCount(first);
    const started = Date.now();
    const second = spawnLabo(dataDir, await freePort());
    const code = await second.exited;
    const seconds = (Date.now() - started) / 1000;
    expect(code, second.output()).not.toBe(0);
    expect(second.output()).toMatch(/déjà utilisé par un autre processus Labo/);
    expect(second.output()).toMatch(/already in use by another Labo process/);
    expect(second.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(seconds).toBeLessThan(30);
    console.log(`T6: second start refused in ${seconds.toFixed(1)} s (exit ${code})`);

    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    expect(await organisationCount(first)).toBe(before);
    const created = await apiClient(first, cookie)('POST', '/api/organisations', {
      name: 'Écrite après le refus',
      universe: 'sme',
    });
    expect(created.status).toBe(201);
    expect(existsSync(join(dataDir, 'labo.lock'))).toBe(true);
  }, 60_000);

  it('T7: on SIGTERM answers the requests in flight, closes the database, frees the lock, and restarts with the data', async () => {
    const labo = running();
    const api = apiClient(labo, cookie);
    const created = await api('POST', '/api/organisations', {
      name: 'Écrite avant l’arrêt',
      universe: 'association',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as Created;

    // The signal arrives while the server works through a burst of requests (the first is answered).
    const inFlight = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0
        ? api('POST', '/api/organisations', { name: `En vol ${i}`, universe: 'sme' })
        : api('GET', '/api/organisations?pageSize=100'),
    );
    await Promise.race(inFlight);
    const signalled = Date.now();
    const stopped = stopLabo(labo, 'SIGTERM', 15_000);
    const answers = await Promise.allSettled(inFlight);
    const code = await stopped;
    const closeMs = Date.now() - signalled;
    // Exit 0, not close-with-grace's forced exit after its 10 s delay (what keep-alive connections caused).
    expect(code, labo.output()).toBe(0);
    expect(closeMs).toBeLessThan(8_000);
    const outcomes = answers.map((a) => {
      if (a.status === 'fulfilled') return String(a.value.status);
      const cause = (a.reason as Error).cause as NodeJS.ErrnoException | undefined;
      return cause?.code ?? 'unknown';
    });
    // Answered requests got their real answer (or 503 once closing began); a request the server had
    // not yet read was refused at the socket, never half-done; nothing failed with a 500.
    for (const outcome of outcomes)
      expect(['200', '201', '503', 'ECONNRESET', 'ECONNREFUSED']).toContain(outcome);
    expect(outcomes.filter((o) => o === '200' || o === '201').length).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(dataDir, 'labo.lock'))).toBe(false);
    const acknowledged = await Promise.all(
      answers.map(async (a) =>
        a.status === 'fulfilled' && a.value.status === 201 ? ((await a.value.json()) as Created).id : null,
      ),
    );

    const started = Date.now();
    server = await startLabo(dataDir);
    console.log(
      `T7: SIGTERM during a burst → ${outcomes.join(',')}; exit ${code} after ${closeMs} ms; restart in ${Date.now() - started} ms`,
    );
    const again = apiClient(server, cookie);
    expect((await again('GET', `/api/organisations/${id}`)).status).toBe(200);
    for (const ackId of acknowledged.filter((x): x is string => x !== null)) {
      expect((await again('GET', `/api/organisations/${ackId}`)).status).toBe(200);
    }
  }, 90_000);

  it('T5-lite: after kill -9 during writes, every acknowledged write is there and the directory reopens', async () => {
    const budgetMs = 75_000;
    const started = Date.now();
    let rounds = 0;
    let acked = 0;
    let lost = 0;
    let unacknowledged = 0;
    let reopenFailures = 0;
    // Independent of the tests before it: a server is running on the directory when the rounds begin.
    const current = running();
    if (current.child.exitCode !== null || current.child.signalCode !== null)
      server = await startLabo(dataDir);
    while (rounds < 10 && (rounds < 3 || Date.now() - started < budgetMs - 20_000)) {
      rounds++;
      const labo = running();
      const api = apiClient(labo, cookie);
      const ackedIds: string[] = [];
      let stop = false;
      const writer = async (w: number): Promise<void> => {
        for (let n = 0; !stop; n++) {
          try {
            const response = await api('POST', '/api/organisations', {
              name: `Round ${rounds} writer ${w} n°${n}`,
              universe: 'sme',
            });
            if (response.status === 201) ackedIds.push(((await response.json()) as Created).id);
            else if (!stop) throw new Error(`write answered ${response.status}`);
          } catch (error) {
            if (stop) unacknowledged++;
            else throw error;
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      await new Promise((r) => setTimeout(r, 800 + Math.random() * 1500));
      stop = true;
      labo.child.kill('SIGKILL');
      await labo.exited;
      const failedWriters = (await Promise.allSettled(writers)).filter((r) => r.status === 'rejected');
      expect(
        failedWriters.map((r) => String(r.reason)),
        'a write refused before the kill',
      ).toEqual([]);

      const restarted = await startLabo(dataDir).catch((error: unknown) => {
        console.log(`T5-lite: the data directory did not reopen: ${String(error)}`);
        return undefined;
      });
      if (!restarted) {
        reopenFailures++;
        break;
      }
      server = restarted;
      const check = apiClient(restarted, cookie);
      for (let i = 0; i < ackedIds.length; i += 25) {
        const statuses = await Promise.all(
          ackedIds
            .slice(i, i + 25)
            .map(async (ackId) => (await check('GET', `/api/organisations/${ackId}`)).status),
        );
        lost += statuses.filter((s) => s !== 200).length;
      }
      acked += ackedIds.length;
    }
    console.log(
      `T5-lite: ${rounds} kill -9 rounds, ${acked} acknowledged writes, ${lost} lost, ` +
        `${unacknowledged} cut in flight (not counted), ${reopenFailures} reopen failures, ${Date.now() - started} ms`,
    );
    expect(rounds).toBeGreaterThanOrEqual(3);
    expect(acked).toBeGreaterThan(0);
    expect(lost).toBe(0);
    expect(reopenFailures).toBe(0);
  }, 150_000);
});
