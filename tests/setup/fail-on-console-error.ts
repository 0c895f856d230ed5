import { afterEach, vi } from 'vitest';

// An unexpected console.error is a bug that a passing assertion would hide (epic-stack's guardrail).
const spy = vi.spyOn(console, 'error');
afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockClear();
  if (calls.length > 0) {
    throw new Error(`console.error was called: ${calls.map((c) => c.map(String).join(' ')).join('\n')}`);
  }
});
