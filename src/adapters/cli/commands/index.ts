import type { Command } from 'commander';
import { registerImportCommands } from './import.ts';
import { registerSchedule } from './schedule.ts';
import { registerServerCommands } from './server.ts';
import { registerSuggest } from './suggest.ts';

/** Every sub-command of `labo`, one module each. */
export function registerCommands(program: Command): void {
  registerServerCommands(program);
  registerSchedule(program);
  registerImportCommands(program);
  registerSuggest(program);
}
