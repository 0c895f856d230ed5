import { neutraliseCell } from '../../domain/directory/spreadsheet-safety.ts';
import type { Actor } from '../access/actor.ts';
import type { Services } from '../ports.ts';
import { auditPerson, loadPerson } from './load-person.ts';

export interface PersonExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function csvCell(text: string): string {
  const safe = neutraliseCell(text);
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Everything Labo holds about a person (GDPR Art. 15 and 20), structured and machine-readable:
 * JSON grouped by table, or CSV in long form (table, row, field, value) so that any table's
 * columns fit one file.
 */
export async function exportPerson(
  services: Services,
  actor: Actor,
  id: string,
  format: 'json' | 'csv',
): Promise<PersonExportFile> {
  const person = await loadPerson(services, actor, id, 'person.export');
  const dossier = await services.people.dossier(person.id);
  await auditPerson(services, actor, 'person.export', person, { format });
  const exportedAt = services.clock.now().toISOString();
  if (format === 'json') {
    return {
      fileName: `personne-${person.id}.json`,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(
        { exportedAt, person: dossier.person, tables: dossier.tables },
        (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v),
        2,
      ),
    };
  }
  const lines = ['table,row,field,value'];
  const add = (table: string, index: number, row: Record<string, unknown>) => {
    for (const [field, value] of Object.entries(row))
      lines.push([table, String(index), field, cellText(value)].map(csvCell).join(','));
  };
  add('people', 1, dossier.person);
  for (const [table, rows] of Object.entries(dossier.tables))
    rows.forEach((row, i) => add(table, i + 1, row));
  return {
    fileName: `personne-${person.id}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: `\uFEFF${lines.join('\r\n')}\r\n`,
  };
}
