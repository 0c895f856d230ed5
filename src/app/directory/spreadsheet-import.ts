import type { ImportPreview, ImportResult, SpreadsheetImportInput } from '../../contracts/directory.ts';
import {
  guessMapping,
  mapSpreadsheetRow,
  REJECTION_MESSAGES,
  type ColumnMapping,
  type RowProblem,
  type SpreadsheetField,
} from '../../domain/directory/import-row.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import type { ImportedWithPlace } from './ports.ts';

/** Without these two columns no line can become an organisation. */
const REQUIRED_FIELDS: readonly SpreadsheetField[] = ['name', 'universe'];

interface Planned {
  line: number;
  row: ImportedWithPlace | null;
  existingId: string | null;
  problems: RowProblem[];
  name: string;
}

function labOf(actor: Actor): string {
  authorize(actor, 'organisation.import');
  if (actor.kind !== 'user' || !actor.labId) throw new DomainError('forbidden', 'No lab to import into');
  authorize(actor, 'organisation.import', { labId: actor.labId });
  return actor.labId;
}

/** Reads, maps and checks every row; nothing is written. */
async function plan(
  services: Services,
  labId: string,
  input: SpreadsheetImportInput,
): Promise<{
  headers: string[];
  mapping: ColumnMapping;
  missing: SpreadsheetField[];
  rows: number;
  planned: Planned[];
}> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const { headers, rows } = await services.spreadsheets.read(input.fileName, bytes);
  const mapping = input.mapping ?? guessMapping(headers);
  const unknown = Object.entries(mapping).filter(([, column]) => column && !headers.includes(column));
  if (unknown.length > 0) {
    throw new DomainError('invalid_mapping', 'Mapped columns are not in the file', {
      problems: unknown.map(([field]) => ({ path: `mapping.${field}`, code: 'column_not_in_file' })),
    });
  }
  const missing = REQUIRED_FIELDS.filter((field) => !mapping[field]);
  // The dry run still answers, with the headers, so the facilitator can pick the columns.
  if (missing.length > 0) return { headers, mapping, missing, rows: rows.length, planned: [] };
  const mapped = rows.map(({ line, values }) => ({
    line,
    values,
    result: mapSpreadsheetRow(values, mapping),
  }));
  const sirets = mapped.flatMap((m) => (m.result.ok && m.result.value.siret ? [m.result.value.siret] : []));
  const rnas = mapped.flatMap((m) => (m.result.ok && m.result.value.rna ? [m.result.value.rna] : []));
  const existing = await services.directory.existingKeys(labId, sirets, rnas);
  const seen = new Set<string>();
  const planned = mapped.map(({ line, values, result }): Planned => {
    const name = values[mapping.name ?? ''] ?? '';
    if (!result.ok) return { line, row: null, existingId: null, problems: result.problems, name };
    const value = result.value;
    const problems: RowProblem[] = [];
    let place = null;
    if (value.communeInsee) {
      place = services.territory.resolve(value.communeInsee) ?? null;
      if (!place)
        problems.push({
          column: mapping.communeInsee ?? 'communeInsee',
          reason: 'commune_unknown',
          value: value.communeInsee,
        });
    }
    for (const [key, column] of [
      [value.siret, mapping.siret],
      [value.rna, mapping.rna],
    ] as const) {
      if (!key) continue;
      if (seen.has(key)) problems.push({ column: column ?? '', reason: 'duplicate_in_file', value: key });
      seen.add(key);
    }
    if (value.rna && value.universe !== 'association' && value.universe !== 'foundation') {
      problems.push({ column: mapping.rna ?? 'rna', reason: 'rna_invalid', value: value.rna });
    }
    if (problems.length > 0) return { line, row: null, existingId: null, problems, name };
    const existingId =
      (value.siret && existing.siret.get(value.siret)) || (value.rna && existing.rna.get(value.rna)) || null;
    return { line, row: { ...value, place }, existingId, problems: [], name: value.name };
  });
  return { headers, mapping, missing: [], rows: rows.length, planned };
}

/** The dry run: what would be created, updated or rejected, line by line, with reasons. */
export async function previewSpreadsheetImport(
  services: Services,
  actor: Actor,
  input: SpreadsheetImportInput,
): Promise<ImportPreview> {
  const labId = labOf(actor);
  const { headers, mapping, missing, rows, planned } = await plan(services, labId, input);
  return {
    headers,
    mapping,
    missing,
    rows,
    toCreate: planned.filter((p) => p.row && !p.existingId).length,
    toUpdate: planned.filter((p) => p.row && p.existingId).length,
    rejected: planned.filter((p) => !p.row).length,
    lines: planned.map((p) => ({
      line: p.line,
      outcome: !p.row ? 'reject' : p.existingId ? 'update' : 'create',
      name: p.name,
      existingId: p.existingId,
      problems: p.problems.map((problem) => ({ ...problem, messages: REJECTION_MESSAGES[problem.reason] })),
    })),
  };
}

/**
 * Applies the import as one transaction. A file with a rejected line writes nothing (ASVS 2.3.3):
 * the facilitator corrects the file after the dry run, then applies it whole.
 */
export async function applySpreadsheetImport(
  services: Services,
  actor: Actor,
  input: SpreadsheetImportInput,
): Promise<ImportResult> {
  const labId = labOf(actor);
  const { missing, planned } = await plan(services, labId, input);
  if (missing.length > 0) {
    throw new DomainError('invalid_mapping', 'Name and universe must be mapped', {
      problems: missing.map((field) => ({ path: `mapping.${field}`, code: 'mapping_required' })),
    });
  }
  const rejected = planned.filter((p) => !p.row);
  if (rejected.length > 0) {
    throw new DomainError('import_rejected', 'Some lines are rejected', {
      problems: rejected.slice(0, 50).flatMap((p) =>
        p.problems.map((problem) => ({
          path: `line.${p.line}.${problem.column}`,
          code: `import_${problem.reason}`,
        })),
      ),
    });
  }
  const rows = planned.flatMap((p) => (p.row ? [p.row] : []));
  const userId = actor.kind === 'user' ? actor.userId : '';
  const result = await services.directory.applySpreadsheet(labId, rows, services.clock.now(), userId);
  await services.audit.record({
    actorId: userId,
    labId,
    action: 'organisation.import',
    subject: null,
    outcome: 'success',
    details: { ...result, file: input.fileName },
  });
  return result;
}
