import type { Command } from 'commander';

export function registerSchedule(program: Command): void {
  void program;
}
