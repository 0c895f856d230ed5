import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DEMO, launchBrowser, POLL, signedInPage } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(lines.join('\n'), 'utf8'),
});

/** The directory's total for a query, read through the API the page uses. */
async function total(page: Page, query: string): Promise<number> {
  const response = await page.request.get(`/api/organisations?${query}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

/** Searches the directory page for a name and waits for its row. */
async function findInDirectory(page: Page, name: string): Promise<void> {
  await page.goto(`/annuaire?q=${encodeURIComponent(name)}`);
  await page.getByRole('table').getByRole('link', { name }).waitFor();
}

describe('directory filters', () => {
  it('keeps both of two filters changed one right after the other', async () => {
    const { page, context, pageErrors } = await signedInPage(browser, DEMO.alsaceFacilitator);
    await page.goto('/annuaire');
    await page.getByRole('table').waitFor();
    // No wait between the two changes: the second used to rebuild the address from the filters of
    // the last render, which did not have the first yet.
    await page.getByLabel('Univers').selectOption('association');
    await page.getByLabel('Département').selectOption('67');
    await page.getByLabel('Thématique').selectOption('food');
    await expect.poll(() => new URL(page.url()).searchParams.get('universe'), POLL).toBe('association');
    expect(new URL(page.url()).searchParams.get('departement')).toBe('67');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('food');
    // The controls follow the address once the navigation has rendered.
    const controls = () =>
      Promise.all(
        ['Univers', 'Département', 'Thématique'].map((label) => page.getByLabel(label).inputValue()),
      );
    await expect.poll(controls, POLL).toEqual(['association', '67', 'food']);
    const expected = await total(page, 'universe=association&departement=67&theme=food');
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /organisation/ })
            .first()
            .textContent(),
        POLL,
      )
      .toMatch(new RegExp(`^${expected} organisations?$`));
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('spreadsheet import and duplicates', () => {
  it('imports a CSV after mapping its columns and seeing the rejected line, then an XLSX', async () => {
    const { page, context, pageErrors } = await signedInPage(browser, DEMO.alsaceFacilitator);
    await page.goto('/annuaire');
    await page.getByRole('link', { name: 'Importer un tableur' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importer un tableur' }).waitFor();

    // Headers the import cannot guess for the two required fields.
    const header = 'Nom de la structure;Forme juridique;Code INSEE;Courriel';
    const good = [
      'Ressourcerie des Deux Rives;Association;67482;bonjour@deux-rives.example.org',
      'Brasserie coopérative du Florival;SCOP;68112;',
    ];
    await page
      .getByLabel('Fichier à importer')
      .setInputFiles(csvFile('partenaires.csv', [header, ...good, 'Ligne fausse;Extraterrestre;67482;']));
    await page.getByRole('alert').filter({ hasText: 'Colonnes à choisir' }).waitFor();
    expect(await page.getByLabel('Code commune INSEE').inputValue()).toBe('Code INSEE');
    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    await page.getByText('Choisissez la colonne qui contient ce champ.').first().waitFor();
    await page.getByRole('combobox', { name: 'Nom', exact: true }).selectOption('Nom de la structure');
    await page.getByLabel("Type d'acteur").selectOption('Forme juridique');
    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    await page.getByRole('heading', { level: 2, name: 'Simulation' }).waitFor();
    await page.getByText('2 organisations à créer').waitFor();
    await page.getByText('1 ligne rejetée').waitFor();
    const rejected = page.getByRole('table', { name: /Lignes rejetées/ });
    await rejected.getByRole('row', { name: /Ligne fausse/ }).waitFor();
    expect(await rejected.textContent()).toContain("Forme juridique : type d'acteur inconnu");
    expect(await page.getByRole('button', { name: /^Importer/ }).isDisabled()).toBe(true);
    await checkPage(page, '40-import-dry-run-rejected');

    // The corrected file: same columns, chosen again, then applied.
    await page
      .getByLabel('Fichier à importer')
      .setInputFiles(csvFile('partenaires-corrige.csv', [header, ...good]));
    await page.getByRole('alert').filter({ hasText: 'Colonnes à choisir' }).waitFor();
    await page.getByRole('combobox', { name: 'Nom', exact: true }).selectOption('Nom de la structure');
    await page.getByLabel("Type d'acteur").selectOption('Forme juridique');
    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    await page.getByText('2 organisations à créer').waitFor();
    await page.getByText('0 ligne rejetée').waitFor();
    await page.getByRole('button', { name: 'Importer 2 organisations' }).click();
    await page.getByText('Import terminé').waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Import terminé' }).textContent()).toContain(
      '2 organisation(s) créée(s), 0 mise(s) à jour, 1 contact(s) ajouté(s)',
    );
    await checkPage(page, '41-import-applied');
    await findInDirectory(page, 'Ressourcerie des Deux Rives');
    await findInDirectory(page, 'Brasserie coopérative du Florival');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Partenaires');
    sheet.addRow(['Nom', 'Type', 'Code INSEE', 'Site web']);
    sheet.addRow(['Fablab du Piémont', 'Association', '67348', 'fablab-piemont.example.org']);
    await page.goto('/annuaire/importer');
    await page.getByLabel('Fichier à importer').setInputFiles({
      name: 'partenaires.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    // Every column is recognised: the dry run comes at once.
    await page.getByText('1 organisation à créer').waitFor();
    expect(await page.getByLabel('Site web').inputValue()).toBe('Site web');
    await checkPage(page, '42-import-xlsx-dry-run');
    await page.getByRole('button', { name: 'Importer 1 organisation' }).click();
    await page.getByText('Import terminé').waitFor();
    await findInDirectory(page, 'Fablab du Piémont');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('merges two duplicates, keeping the chosen record and the chosen name', async () => {
    const { page, context, pageErrors } = await signedInPage(browser, DEMO.alsaceFacilitator);
    const create = async (data: Record<string, unknown>) => {
      const response = await page.request.post('/api/organisations', { data });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const olderId = await create({
      name: 'Atelier vélo de Sélestat',
      universe: 'association',
      communeInsee: '67462',
      website: 'https://velo-selestat.example.org',
    });
    const newerId = await create({
      name: 'Atelier Vélo Sélestat',
      universe: 'association',
      communeInsee: '67462',
      address: '4 rue des Chevaliers',
    });
    await page.goto('/annuaire');
    await page.getByRole('link', { name: 'Doublons' }).click();
    await page.getByRole('heading', { level: 1, name: 'Doublons' }).waitFor();
    await page
      .getByRole('button', { name: 'Comparer « Atelier vélo de Sélestat » et « Atelier Vélo Sélestat »' })
      .or(
        page.getByRole('button', {
          name: 'Comparer « Atelier Vélo Sélestat » et « Atelier vélo de Sélestat »',
        }),
      )
      .click();
    const comparison = page.getByRole('region', { name: /Atelier/ });
    await comparison.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), POLL).toBe('H2');
    // Keep the older record, with the newer one's name.
    await comparison
      .getByRole('radio', { name: /^Atelier vélo de Sélestat \(créée le/ })
      .check({ force: true });
    await comparison
      .getByRole('radio', { name: 'Atelier Vélo Sélestat', exact: true })
      .check({ force: true });
    await checkPage(page, '43-duplicates-comparison');
    await comparison.getByRole('button', { name: 'Fusionner dans « Atelier vélo de Sélestat »' }).click();
    await comparison.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await page.getByText('Fusion effectuée').waitFor();
    await checkPage(page, '44-duplicates-merged');

    const kept = (await (await page.request.get(`/api/organisations/${olderId}`)).json()) as Record<
      string,
      unknown
    >;
    expect(kept).toMatchObject({
      name: 'Atelier Vélo Sélestat',
      website: 'https://velo-selestat.example.org',
      address: '4 rue des Chevaliers',
      status: 'active',
    });
    const absorbed = (await (await page.request.get(`/api/organisations/${newerId}`)).json()) as Record<
      string,
      unknown
    >;
    expect(absorbed).toMatchObject({ status: 'archived', mergedInto: olderId });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
