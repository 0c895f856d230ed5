import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MalformedFileError, readCsv, type CsvOptions } from './csv-stream.ts';

const dir = mkdtempSync(join(tmpdir(), 'labo-csv-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const options: CsvOptions = { delimiter: ';', encoding: 'utf-8', required: ['id', 'nom'] };
const read = async (path: string, extra: Partial<CsvOptions> = {}) => {
  const rows = [];
  for await (const row of readCsv(path, { ...options, ...extra })) rows.push(row);
  return rows;
};

describe('readCsv', () => {
  it('numbers each row by the line it starts on, across quoted line breaks, empty lines and CRLF', async () => {
    const path = file(
      'lines.csv',
      'id;nom;ville\r\n1;"Atelier\r\nvélo";Sélestat\r\n\r\n2;Ressourcerie;Colmar\r\n3;"a;b";\r\n',
    );
    const rows = await read(path);
    expect(rows.map((r) => [r.line, r.values['id'], r.values['nom']])).toEqual([
      [2, '1', 'Atelier\r\nvélo'],
      [5, '2', 'Ressourcerie'],
      [6, '3', 'a;b'],
    ]);
  });

  it('keeps only the columns asked for', async () => {
    const rows = await read(file('keep.csv', 'id;nom;ville\n1;A;B\n'), { keep: ['id', 'nom'] });
    expect(rows[0]?.values).toEqual({ id: '1', nom: 'A' });
  });

  it('names the line of a row whose column count differs from the header, after a multi-line field', async () => {
    const path = file('columns.csv', 'id;nom;ville\n1;"deux\nlignes";X\n\n2;Y\n');
    const error = await read(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error).toMatchObject({ line: 5, fr: "Ligne 5 : nombre de colonnes différent de l'en-tête." });
  });

  it('refuses a header without the required columns, and an empty file', async () => {
    await expect(read(file('header.csv', 'id;titre\n1;A\n'))).rejects.toMatchObject({ line: 1 });
    await expect(read(file('empty.csv', '\n\n'))).rejects.toMatchObject({
      fr: 'Le fichier est vide (aucun en-tête).',
    });
  });
});
