import type { Command } from 'commander';

export function registerSuggest(program: Command): void {
  void program;
}
