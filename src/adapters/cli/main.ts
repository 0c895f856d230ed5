import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command()
  .name('labo')
  .description('Labo — la plateforme du labo régional des partenariats')
  .showHelpAfterError();

registerCommands(program);

await program.parseAsync(process.argv);
