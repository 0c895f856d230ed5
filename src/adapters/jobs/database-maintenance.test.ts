import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDatabaseMaintenance } from './database-maintenance.ts';

describe('database maintenance', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('vacuums an embedded database on every period, logs a failure and goes on, and stops', async () => {
    vi.useFakeTimers();
    const vacuumAnalyze = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('busy'))
      .mockResolvedValue(undefined);
    const log = vi.fn();
    const stop = startDatabaseMaintenance({ kind: 'pglite', vacuumAnalyze }, log, 1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(vacuumAnalyze).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(vacuumAnalyze).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('VACUUM ANALYZE failed', expect.any(Error));
    await vi.advanceTimersByTimeAsync(2000);
    expect(vacuumAnalyze).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(vacuumAnalyze).toHaveBeenCalledTimes(3);
  });

  it('leaves a PostgreSQL server to its own autovacuum', async () => {
    vi.useFakeTimers();
    const vacuumAnalyze = vi.fn<() => Promise<void>>().mockResolvedValue(undefined);
    startDatabaseMaintenance({ kind: 'postgres', vacuumAnalyze }, vi.fn(), 1000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(vacuumAnalyze).not.toHaveBeenCalled();
  });
});
