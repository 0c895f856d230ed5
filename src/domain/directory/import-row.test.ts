import { describe, expect, it } from 'vitest';
import {
  guessMapping,
  mapRnaRow,
  mapSireneRow,
  SIRENE_COLUMNS_READ,
  mapSpreadsheetRow,
  universeOfEstablishment,
} from './import-row.ts';

// A real StockEtablissement row (shared/data/sirene-etablissements-sample.csv, line 3), by column name.
const SIRENE_ROW = {
  siren: '000325175',
  nic: '00024',
  siret: '00032517500024',
  trancheEffectifsEtablissement: '',
  etablissementSiege: 'false',
  numeroVoieEtablissement: '1',
  typeVoieEtablissement: 'PL',
  libelleVoieEtablissement: 'LEONCE DE SEYNES',
  codePostalEtablissement: '84000',
  codeCommuneEtablissement: '84007',
  etatAdministratifEtablissement: 'F',
  enseigne1Etablissement: 'TAHITI PERLES CREATIONS',
  activitePrincipaleEtablissement: '47.89Z',
  nomenclatureActivitePrincipaleEtablissement: 'NAFRev2',
};

describe('mapSireneRow', () => {
  it('reads no column outside SIRENE_COLUMNS_READ (the reader drops the others)', () => {
    const read = new Set<string>();
    const spy = new Proxy(SIRENE_ROW, {
      get(target, key, receiver) {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    mapSireneRow(spy);
    mapSireneRow({ ...SIRENE_ROW, denominationUsuelleEtablissement: '', enseigne1Etablissement: '' });
    expect([...read].filter((c) => !(SIRENE_COLUMNS_READ as readonly string[]).includes(c))).toEqual([]);
    expect(read.size).toBeGreaterThan(10);
  });

  it('maps a real establishment: name from its sign, address, NAF section, closed state', () => {
    const mapped = mapSireneRow(SIRENE_ROW);
    expect(mapped).toMatchObject({
      ok: true,
      value: {
        name: 'TAHITI PERLES CREATIONS',
        siren: '000325175',
        siret: '00032517500024',
        naf: '47.89Z',
        nafSection: 'G',
        address: '1 place LEONCE DE SEYNES',
        postalCode: '84000',
        communeInsee: '84007',
        active: false,
        universe: 'sme',
      },
    });
  });

  it('makes a placeholder name when the registry gives none', () => {
    const mapped = mapSireneRow({ ...SIRENE_ROW, enseigne1Etablissement: '' });
    expect(mapped).toMatchObject({
      ok: true,
      value: { name: 'Établissement 00032517500024', namePlaceholder: true },
    });
  });

  it('rejects a bad SIRET, a bad NAF code and an unknown band, naming each column', () => {
    const mapped = mapSireneRow({
      ...SIRENE_ROW,
      siret: '00032517500025',
      activitePrincipaleEtablissement: '4789',
      trancheEffectifsEtablissement: '99',
    });
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.problems.map((p) => [p.column, p.reason])).toEqual([
      ['siret', 'siret_invalid'],
      ['activitePrincipaleEtablissement', 'naf_invalid'],
      ['trancheEffectifsEtablissement', 'headcount_invalid'],
    ]);
  });

  it('rejects a SIRET that does not belong to the SIREN', () => {
    const mapped = mapSireneRow({ ...SIRENE_ROW, siren: '732829320' });
    expect(mapped).toMatchObject({
      ok: false,
      problems: [{ column: 'siret', reason: 'siret_siren_mismatch' }],
    });
  });

  it('ignores codes of an older NAF nomenclature rather than rejecting the row', () => {
    const mapped = mapSireneRow({
      ...SIRENE_ROW,
      activitePrincipaleEtablissement: '52.4X',
      nomenclatureActivitePrincipaleEtablissement: 'NAFRev1',
    });
    expect(mapped).toMatchObject({ ok: true, value: { naf: null } });
  });
});

describe('universeOfEstablishment', () => {
  it.each([
    ['94.99Z', null, 'association'],
    ['84.11Z', '22', 'public_body'],
    ['85.42Z', '41', 'university'],
    ['62.01Z', '41', 'large_company'],
    ['62.01Z', '11', 'sme'],
  ] as const)('%s with band %s is %s', (naf, band, universe) => {
    expect(universeOfEstablishment(naf, band)).toBe(universe);
  });
});

describe('mapRnaRow', () => {
  const waldec = {
    id: 'W9T1002867',
    siret: '',
    titre: "LA VIE D'UN AGRICULTEUR & LA VIE D'UN ANIMAL",
    objet: 'protéger la culture et les makis',
    adrs_numvoie: '',
    adrs_typevoie: '',
    adrs_libvoie: 'Dallage Iliassa, quartier Magoujou',
    adrs_codeinsee: '97612',
    adrs_codepostal: '97630',
    siteweb: '',
    position: 'A',
    observation: '',
  };

  it('maps a real rna_waldec row (Mayotte, préfecture code 9T)', () => {
    expect(mapRnaRow(waldec)).toMatchObject({
      ok: true,
      value: {
        rna: 'W9T1002867',
        universe: 'association',
        communeInsee: '97612',
        address: 'Dallage Iliassa, quartier Magoujou',
        active: true,
      },
    });
  });

  it('takes the W number of an rna_import row from its observation', () => {
    const row = {
      id: '751P00085568',
      titre: 'INDIGO',
      adrs_codeinsee: '75114',
      position: 'A',
      observation: 'W751085568',
      adr1: '1 rue X',
    };
    expect(mapRnaRow(row)).toMatchObject({ ok: true, value: { rna: 'W751085568' } });
  });

  it('treats a dissolved association as inactive and rejects a row without title', () => {
    expect(mapRnaRow({ ...waldec, position: 'D' })).toMatchObject({ ok: true, value: { active: false } });
    expect(mapRnaRow({ ...waldec, titre: '' })).toMatchObject({
      ok: false,
      problems: [{ column: 'titre', reason: 'missing_value' }],
    });
  });
});

describe('spreadsheet rows', () => {
  const headers = ['Nom', 'Type', 'SIRET', 'Code INSEE', 'Email', 'Prénom', 'Nom du contact', 'Thèmes'];

  it('guesses the mapping from French headers', () => {
    expect(guessMapping(headers)).toMatchObject({
      name: 'Nom',
      universe: 'Type',
      siret: 'SIRET',
      communeInsee: 'Code INSEE',
      contactEmail: 'Email',
      contactFirstName: 'Prénom',
      contactLastName: 'Nom du contact',
      themes: 'Thèmes',
    });
  });

  it('maps French words for universes and builds the contact', () => {
    const mapping = guessMapping(headers);
    const row = {
      Nom: 'Repair Café Neudorf',
      Type: 'Association',
      SIRET: '',
      'Code INSEE': '67482',
      Email: 'contact@repair.example',
      Prénom: 'Lise',
      'Nom du contact': 'Weber',
      Thèmes: 'circular_economy',
    };
    expect(mapSpreadsheetRow(row, mapping)).toMatchObject({
      ok: true,
      value: {
        universe: 'association',
        themes: ['circular_economy'],
        contact: { firstName: 'Lise', lastName: 'Weber', email: 'contact@repair.example' },
      },
    });
  });

  it('names every bad cell with its column', () => {
    const mapping = guessMapping(headers);
    const row = {
      Nom: '',
      Type: 'ovni',
      SIRET: '123',
      'Code INSEE': 'xx',
      Email: 'pas-un-mail',
      Prénom: '',
      'Nom du contact': '',
      Thèmes: 'astrologie',
    };
    const mapped = mapSpreadsheetRow(row, mapping);
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.problems.map((p) => `${p.column}:${p.reason}`)).toEqual([
      'Nom:missing_value',
      'Type:universe_unknown',
      'SIRET:siret_invalid',
      'Code INSEE:commune_invalid',
      'Thèmes:theme_unknown',
      'Email:email_invalid',
    ]);
  });
});
