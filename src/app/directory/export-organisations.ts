import type { OrganisationListQuery } from '../../contracts/organisations.ts';
import { HEADCOUNT_BANDS } from '../../domain/directory/vocabulary.ts';
import type { Actor } from '../access/actor.ts';
import { labFilter } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { presentOrganisation } from '../organisations/present-organisation.ts';

/** An export is bounded: a whole national registry is not a spreadsheet. */
export const EXPORT_LIMIT = 100_000;

const COLUMNS = [
  'Nom',
  'Univers',
  'SIREN',
  'SIRET',
  'RNA',
  'Code NAF',
  'Activité (NAF)',
  "Tranche d'effectifs",
  'Adresse',
  'Code postal',
  'Commune',
  'Code commune',
  'EPCI',
  'Département',
  'Région',
  'Site web',
  'Thématiques',
  'Description',
  'Statut',
];

/**
 * The organisations of any filtered list as CSV or XLSX — the same filters and order as the
 * list. No personal data is exported here. Cells that a spreadsheet would run as formulas are
 * neutralised by the codec.
 */
export async function exportOrganisations(
  services: Services,
  actor: Actor,
  query: OrganisationListQuery,
  format: 'csv' | 'xlsx',
): Promise<{ fileName: string; contentType: string; body: Uint8Array; rows: number }> {
  const labId = labFilter(actor, 'organisation.export');
  const records = await services.directory.exportRows(labId, query, EXPORT_LIMIT);
  const bands = new Map<string, string>(HEADCOUNT_BANDS.map((b) => [b.code, b.fr]));
  const rows = records.map((record) => {
    const o = presentOrganisation(services, actor, record);
    return [
      o.name,
      o.universe,
      o.siren ?? '',
      o.siret ?? '',
      o.rna ?? '',
      o.naf ?? '',
      o.nafLabel ?? '',
      o.headcountBand ? (bands.get(o.headcountBand) ?? o.headcountBand) : '',
      o.address ?? '',
      o.postalCode ?? '',
      o.communeName ?? '',
      o.communeInsee ?? '',
      o.epciName ?? '',
      o.departementName ?? '',
      o.regionName ?? '',
      o.website ?? '',
      (o.themes ?? []).join(', '),
      o.description,
      o.status,
    ];
  });
  const body = await services.spreadsheets.write(format, COLUMNS, rows, 'Annuaire');
  if (actor.kind === 'user') {
    await services.audit.record({
      actorId: actor.userId,
      labId: actor.labId,
      action: 'organisation.export',
      subject: null,
      outcome: 'success',
      details: { rows: rows.length, format },
    });
  }
  const date = services.clock.now().toISOString().slice(0, 10);
  return {
    fileName: `annuaire-${date}.${format}`,
    contentType:
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
    rows: rows.length,
  };
}
