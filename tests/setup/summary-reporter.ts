import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the counts per project (unit, pglite, postgres, e2e) and the plain closing line
 * `Tests: N passed, N failed, N skipped` that CI reads.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const perProject = new Map<string, { passed: number; failed: number; skipped: number }>();
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      const name = module.project.name || 'default';
      const counts = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      perProject.set(name, counts);
      // A file that failed to load has no tests but must still count as a failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) {
        counts.failed++;
        total.failed++;
      }
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        const key = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped';
        counts[key]++;
        total[key]++;
      }
    }
    const lines = [...perProject.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([name, c]) => `  ${name.padEnd(10)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`,
      );
    process.stdout.write(
      `\nPer project:\n${lines.join('\n')}\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`,
    );
  }
}
