import type { Command } from 'commander';

// NOTE: loaded on use: the database and the importers take about 1.8 s to load, which every other
// command (`labo schedule`, `labo suggest`) would pay for nothing.
const actions = () => import('./import-actions.ts');

/** `labo import sirene FILE` and `labo import rna FILE`. */
export function registerImportCommands(program: Command): void {
  const group = program
    .command('import')
    .description('Importe un fichier de registre / import a registry file');
  for (const [kind, description] of [
    ['sirene', 'Établissements SIRENE (StockEtablissement, CSV « , » UTF-8) / SIRENE establishments'],
    ['rna', 'Associations du RNA (rna_waldec ou rna_import, CSV « ; ») / RNA associations'],
  ] as const) {
    group
      .command(`${kind} <file>`)
      .description(description)
      .option('--departement <codes>', 'seulement ces départements, ex. 67,68 / only these départements')
      .option(
        '--lab <slug>',
        'labo destinataire (par défaut : celui qui couvre les départements) / target lab',
      )
      .option(
        '--report <file>',
        'rapport des lignes rejetées (défaut : FICHIER.rejets.csv) / report of rejected lines',
      )
      .option('--batch <rows>', 'lignes par envoi à la base / rows per batch sent to the database', '2000')
      .action(async (file: string, options: Record<string, unknown>) =>
        (await actions()).run(kind, file, options),
      );
  }
}
