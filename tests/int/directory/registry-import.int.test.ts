import { sql } from 'drizzle-orm';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedSireneLines, SIRENE_HEADER, siretOf, sireneLine } from '../../../bench/fixtures/sirene.ts';
import { chooseLab } from '../../../src/adapters/cli/commands/import-actions.ts';
import { MalformedFileError } from '../../../src/adapters/import/csv-stream.ts';
import {
  importRegistryFile,
  type RegistryImportOptions,
} from '../../../src/adapters/import/registry-import.ts';
import type { ImportedWithPlace } from '../../../src/app/directory/ports.ts';
import { registryBatch } from '../../../src/app/directory/registry-batch.ts';
import { MERGE_EVERY } from '../../../src/adapters/db/registry-load.ts';
import { databaseAvailable, testEngine } from '../../support/database.ts';
import { useHarness } from '../../support/harness.ts';

// Relative to the repository, so that CI's copy of shared/ is found too.
const SHARED = new URL('../../../../shared/data/', import.meta.url);
const sharedFile = (name: string) => new URL(name, SHARED).pathname;

describe.skipIf(!databaseAvailable())(`registry imports on ${testEngine}`, () => {
  const harness = useHarness();
  const dir = mkdtempSync(join(tmpdir(), 'labo-import-'));
  let alsace: string;
  let isere: string;

  beforeAll(async () => {
    const labs = await harness.runtime.services.labs.list();
    alsace = labs.find((l) => l.slug === 'alsace')!.id;
    isere = labs.find((l) => l.slug === 'isere')!.id;
  });

  const run = (options: Partial<RegistryImportOptions> & Pick<RegistryImportOptions, 'kind' | 'file'>) =>
    importRegistryFile(harness.runtime.services, {
      labId: isere,
      departements: null,
      reportPath: join(dir, `report-${Math.random()}.csv`),
      ...options,
    });
  const count = async (where: ReturnType<typeof sql>) => {
    const result = await harness.database.db.execute(
      sql`select count(*)::int as n from organisations where ${where}`,
    );
    return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  };
  const write = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('imports the real SIRENE sample: open establishments upserted by SIRET, closed ones not, idempotent on a second run', async () => {
    const file = sharedFile('sirene-etablissements-sample.csv');
    const first = await run({ kind: 'sirene', file });
    expect(first.rows).toBe(202);
    expect(first.created).toBeGreaterThan(0);
    expect(first.created + first.skipped + first.rejected).toBe(202);
    const stored = await count(sql`lab_id = ${isere} and source = 'sirene'`);
    expect(stored).toBe(first.created);
    const second = await run({ kind: 'sirene', file });
    expect(second).toMatchObject({ created: 0, updated: first.created, rejected: first.rejected });
    expect(await count(sql`lab_id = ${isere} and source = 'sirene'`)).toBe(stored);
    const [row] = (
      (await harness.database.db.execute(
        sql`select name, naf, naf_section, commune_insee, departement from organisations where siret = '00032517500024'`,
      )) as unknown as {
        rows: unknown[];
      }
    ).rows;
    // This establishment is closed (F) in the sample: it was never imported.
    expect(row).toBeUndefined();
  });

  it('keeps only the départements asked for, resolves communes to EPCI and région, and reports every rejected line', async () => {
    const lines = [
      SIRENE_HEADER,
      sireneLine({
        siret: siretOf(1001),
        commune: '67482',
        name: 'Strasbourg Vélo',
        naf: '33.17Z',
        band: '11',
      }),
      sireneLine({ siret: siretOf(1002), commune: '68224', name: 'Mulhouse Textile', naf: '13.10Z' }),
      sireneLine({ siret: siretOf(1003), commune: '38185', name: 'Grenoble Hors Filtre' }),
      sireneLine({ siret: '12345678901234', commune: '67482', name: 'Mauvais SIRET' }),
      sireneLine({ siret: siretOf(1005), commune: '67999', name: 'Commune inconnue' }),
      sireneLine({ siret: siretOf(1006), commune: '67482', name: 'NAF faux', naf: 'XX' }),
      sireneLine({ siret: siretOf(1001), commune: '67482', name: 'Doublon' }),
    ];
    const file = write('filtre.csv', `${lines.join('\n')}\n`);
    const reportPath = join(dir, 'filtre.rejets.csv');
    const summary = await run({
      kind: 'sirene',
      file,
      labId: alsace,
      departements: ['67', '68'],
      reportPath,
    });
    expect(summary).toMatchObject({ rows: 7, created: 2, skipped: 1, rejected: 4 });
    const report = readFileSync(reportPath, 'utf8').trim().split('\n');
    expect(report[0]).toContain('ligne;colonne;raison;valeur');
    expect(report.slice(1).map((l) => l.split(';').slice(0, 2).join(';'))).toEqual([
      '5;siret',
      '5;siren',
      '6;codeCommuneEtablissement',
      '7;activitePrincipaleEtablissement',
      '8;siret',
    ]);
    expect(report[3]).toContain('code commune INSEE inconnu');
    const [velo] = (
      (await harness.database.db.execute(
        sql`select epci, departement, region, naf_section, headcount_band, latitude from organisations where siret = ${siretOf(1001)}`,
      )) as unknown as {
        rows: Record<string, unknown>[];
      }
    ).rows;
    expect(velo).toMatchObject({
      epci: '246700488',
      departement: '67',
      region: '44',
      naf_section: 'C',
      headcount_band: '11',
    });
  });

  it('archives a known establishment that the registry now says is closed', async () => {
    const siret = siretOf(2001);
    const open = write(
      'open.csv',
      `${SIRENE_HEADER}\n${sireneLine({ siret, commune: '38185', name: 'Bientôt fermé' })}\n`,
    );
    await run({ kind: 'sirene', file: open });
    const closed = write(
      'closed.csv',
      `${SIRENE_HEADER}\n${sireneLine({ siret, commune: '38185', name: 'Bientôt fermé', closed: true })}\n`,
    );
    expect(await run({ kind: 'sirene', file: closed })).toMatchObject({ archived: 1, created: 0 });
    expect(await count(sql`siret = ${siret} and status = 'archived'`)).toBe(1);
  });

  it('refuses malformed files before writing anything, naming the line', async () => {
    const before = await count(sql`true`);
    const good = [...generatedSireneLines(30, ['38185'], 50_000)];
    const quote = write(
      'quote.csv',
      [SIRENE_HEADER, ...good.slice(0, 20), `"${good[20]!}`, ...good.slice(21)].join('\n'),
    );
    await expect(run({ kind: 'sirene', file: quote })).rejects.toMatchObject({
      name: 'MalformedFileError',
      fr: expect.stringMatching(/^Ligne \d+ : guillemet/),
    });
    const columns = write(
      'columns.csv',
      [SIRENE_HEADER, ...good.slice(0, 10), `${good[10]},extra`, ...good.slice(11)].join('\n'),
    );
    await expect(run({ kind: 'sirene', file: columns })).rejects.toMatchObject({
      line: 12,
      fr: expect.stringContaining('nombre de colonnes'),
    });
    const header = write(
      'header.csv',
      [SIRENE_HEADER.replace('codeCommuneEtablissement', 'commune'), ...good].join('\n'),
    );
    await expect(run({ kind: 'sirene', file: header })).rejects.toMatchObject({
      line: 1,
      fr: expect.stringContaining('codeCommuneEtablissement'),
    });
    const latin1 = Buffer.concat([
      Buffer.from([SIRENE_HEADER, ...good.slice(0, 25)].join('\n') + '\n'),
      Buffer.from(`\u00e9${good[25]!}\n`, 'latin1'),
    ]);
    const encoding = write('encoding.csv', latin1);
    const error = await run({ kind: 'sirene', file: encoding }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error).toMatchObject({
      line: 27,
      fr: "Ligne 27 : encodage invalide, le fichier n'est pas en UTF-8 (réenregistrez-le en UTF-8).",
    });
    expect(await count(sql`true`)).toBe(before);
  });

  it('writes the whole file or nothing: a bad row in a later batch undoes the earlier ones', async () => {
    const place = harness.runtime.services.territory.resolve('38185') ?? null;
    const row = (n: number, universe: string | null): ImportedWithPlace => ({
      name: `Lot ${n}`,
      namePlaceholder: false,
      universe: universe as ImportedWithPlace['universe'],
      siren: siretOf(n).slice(0, 9),
      siret: siretOf(n),
      rna: null,
      naf: null,
      nafSection: null,
      headcountBand: null,
      communeInsee: '38185',
      address: null,
      postalCode: null,
      website: null,
      description: '',
      themes: [],
      active: true,
      contact: null,
      place,
    });
    async function* batches() {
      yield registryBatch([row(3001, 'sme'), row(3002, 'company')]);
      yield registryBatch([row(3003, 'sme'), row(3004, null)]);
    }
    await expect(
      harness.runtime.services.directory.loadRegistry(isere, 'siret', 'sirene', batches()),
    ).rejects.toThrow();
    expect(await count(sql`siret in (${siretOf(3001)}, ${siretOf(3003)})`)).toBe(0);
  });

  it('writes nothing when the file turns out malformed after thousands of rows', async () => {
    const before = await count(sql`true`);
    const good = [...generatedSireneLines(3_000, ['38185'], 70_000)];
    const file = write('late-quote.csv', [SIRENE_HEADER, ...good, `"${good[0]!}`].join('\n'));
    await expect(run({ kind: 'sirene', file, batchSize: 250 })).rejects.toMatchObject({
      name: 'MalformedFileError',
      line: 3_002,
    });
    expect(await count(sql`true`)).toBe(before);
  });

  it('imports a file larger than one merge chunk in a worker thread, and updates every row on a second run', async () => {
    const rows = MERGE_EVERY * 2 + 500;
    const file = write(
      'chunks.csv',
      [SIRENE_HEADER, ...generatedSireneLines(rows, ['38185', '38421'], 90_000)].join('\n'),
    );
    const progress: number[] = [];
    const first = await run({ kind: 'sirene', file, onProgress: (p) => progress.push(p.rows) });
    // One generated row in ten is a closed establishment.
    expect(first).toMatchObject({ rows, rejected: 0, created: rows - rows / 10 });
    expect(first.created + first.skipped).toBe(rows);
    expect(progress.at(-1)).toBe(rows);
    expect(progress.length).toBeGreaterThan(10);
    const second = await run({ kind: 'sirene', file, worker: false });
    expect(second).toMatchObject({ created: 0, updated: first.created, rejected: 0 });
  });

  it('imports the RNA: real rna_waldec and rna_import rows, a Windows-1252 file with its accents', async () => {
    const waldec = await run({ kind: 'rna', file: sharedFile('rna-sample.csv'), labId: alsace });
    expect(waldec).toMatchObject({ rows: 3, created: 2, skipped: 1, rejected: 0, encoding: 'utf-8' });
    const again = await run({ kind: 'rna', file: sharedFile('rna-sample.csv'), labId: alsace });
    expect(again).toMatchObject({ created: 0, updated: 2 });
    const header = readFileSync(sharedFile('rna-sample.csv'), 'utf8').split('\n')[0]!;
    const columns = header.split(';');
    const line = columns
      .map(
        (c) =>
          ({
            id: 'W672012345',
            titre: 'Société d’histoire de Sélestat',
            objet: 'Étudier le patrimoine',
            adrs_codeinsee: '67462',
            adrs_codepostal: '67600',
            position: 'A',
            date_disso: '0001-01-01',
          })[c] ?? '',
      )
      .join(';');
    const file = write('rna-latin1.csv', Buffer.from(`${header}\n${line.replace('’', "'")}\n`, 'latin1'));
    const summary = await run({ kind: 'rna', file, labId: alsace, departements: ['67'] });
    expect(summary).toMatchObject({ created: 1, encoding: 'windows-1252' });
    const [row] = (
      (await harness.database.db.execute(
        sql`select name, description, epci from organisations where rna = 'W672012345'`,
      )) as unknown as { rows: Record<string, unknown>[] }
    ).rows;
    expect(row).toMatchObject({
      name: "Société d'histoire de Sélestat",
      description: 'Étudier le patrimoine',
    });
  });

  it('chooses the lab whose territory covers the départements when --lab is not given', async () => {
    const labs = await harness.runtime.services.labs.list();
    expect(chooseLab(labs, undefined, ['67', '68']).slug).toBe('alsace');
    expect(chooseLab(labs, undefined, ['38']).slug).toBe('isere');
    expect(chooseLab(labs, 'isere', ['67']).slug).toBe('isere');
    expect(() => chooseLab(labs, undefined, ['75'])).toThrow(/--lab/);
    expect(() => chooseLab(labs, undefined, null)).toThrow(/--lab/);
  });
});
