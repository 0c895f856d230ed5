import { purgeInactivePeople } from '../../app/directory/purge-inactive-people.ts';
import type { Services } from '../../app/ports.ts';

const DAY = 86_400_000;

/**
 * The directory's scheduled job: once a day, people inactive for the retention period and audit
 * entries older than a year are erased (GDPR Art. 5(1)(e), CNIL). The first run waits ten minutes
 * so that a start is never slowed; timers do not keep the process alive. With several app
 * instances on one server each runs it: the purge is idempotent, so that only costs a query.
 */
export function startDirectoryJobs(
  services: Services,
  log: (message: string, error?: unknown) => void,
): () => void {
  const run = async () => {
    try {
      const result = await purgeInactivePeople(services, null);
      if (result.erased > 0 || result.auditRowsDeleted > 0)
        log(`purge: ${result.erased} people, ${result.auditRowsDeleted} audit entries`);
    } catch (error) {
      log('purge failed', error);
    }
  };
  let daily: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void run();
    daily = setInterval(() => void run(), DAY);
    daily.unref();
  }, 10 * 60_000);
  first.unref();
  return () => {
    clearTimeout(first);
    if (daily) clearInterval(daily);
  };
}
