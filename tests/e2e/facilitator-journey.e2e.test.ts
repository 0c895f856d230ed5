import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DEMO, launchBrowser, newPage, POLL } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the demo facilitator of Alsace', () => {
  it('signs in, browses the directory of Alsace only, creates, edits and archives an organisation, signs out', async () => {
    const { context, page, pageErrors } = await newPage(browser);

    // A private page sends a signed-out visitor to the sign-in page.
    await page.goto('/annuaire');
    await page.waitForURL('**/connexion');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Connexion');
    await checkPage(page, '01-sign-in');

    // Wrong password: a message, and still on the sign-in page.
    await page.getByLabel('Adresse e-mail').fill(DEMO.alsaceFacilitator);
    await page.getByLabel(/^Mot de passe/).fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').waitFor();
    expect(page.url()).toContain('/connexion');
    await checkPage(page, '02-sign-in-error');

    // Back to the page that was asked for.
    await page.getByLabel(/^Mot de passe/).fill('labo-demo-2026');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/annuaire');

    await page.getByRole('link', { name: 'Accueil' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await expect.poll(() => page.getByText('Organisations actives', { exact: true }).count(), POLL).toBe(1);
    await expect.poll(() => page.getByText('…', { exact: true }).count(), POLL).toBe(0);
    await checkPage(page, '03-home');

    // The navigation follows the missions; each one has its landing page.
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const [label, shot] of [
      ['Inspirer', '04-inspire'],
      ['Rassembler', '05-gather'],
      ['Agir', '06-act'],
      ['Impact', '07-impact'],
    ] as const) {
      await nav.getByRole('link', { name: new RegExp(`^${label}`) }).click();
      await page.getByRole('heading', { level: 1, name: label }).waitFor();
      await checkPage(page, shot);
    }
    expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);

    // The directory shows Alsace (67, 68) and nothing of Isère (38).
    await nav.getByRole('link', { name: 'Annuaire' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
    const table = page.getByRole('table');
    await table.waitFor();
    const count = await page
      .getByRole('status')
      .filter({ hasText: /organisations?$/ })
      .textContent();
    expect(Number((count ?? '').replace(/\D/g, ''))).toBeGreaterThan(100);
    const departements = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(departements.length).toBeGreaterThan(0);
    for (const code of departements) expect(['67', '68', '—']).toContain(code);
    await checkPage(page, '08-directory');

    // Universe filter and pagination.
    await page.getByLabel('Univers').selectOption({ label: 'Association' });
    await page.waitForURL('**/annuaire?universe=association');
    await expect
      .poll(async () => new Set(await table.locator('tbody tr td:nth-child(2)').allTextContents()), POLL)
      .toEqual(new Set(['Association']));
    await page.getByLabel('Univers').selectOption({ label: 'Tous les univers' });
    await page.waitForURL(/\/annuaire$/);
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /organisations?$/ })
            .textContent(),
        POLL,
      )
      .toBe(count);
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await page.waitForURL('**/annuaire?page=2');

    // Create: the client checks the fields first, then the API checks the SIRET's Luhn key.
    await page.getByRole('link', { name: 'Nouvelle organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle organisation' }).waitFor();
    await checkPage(page, '09-create-empty');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await page.getByText('Le nom doit contenir entre 2 et 200 caractères.').waitFor();
    await page.getByText('Choisissez un univers.').waitFor();
    await checkPage(page, '10-create-client-errors');

    const name = `Torréfaction e2e ${Date.now()}`;
    await page.getByLabel(/^Nom/).fill(name);
    await page.getByLabel('Univers').selectOption({ label: 'PME' });
    await page.getByRole('combobox', { name: /^Commune/ }).fill('Strasb');
    await page
      .getByRole('option', { name: /^Strasbourg/ })
      .first()
      .click();
    await page.getByLabel('SIRET').fill('12345678901234');
    await page
      .getByLabel('Description')
      .fill('Des paquets de café défectueux, matière première pour une association.');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await expect.poll(() => page.getByLabel('SIRET').getAttribute('aria-invalid'), POLL).toBe('true');
    await checkPage(page, '11-create-server-errors');

    await page.getByLabel('SIRET').fill('');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(page.url()).toMatch(/\/annuaire\/[0-9a-f-]{36}$/);
    await page.getByText('Strasbourg (67482)').waitFor();
    await checkPage(page, '12-organisation');

    // Edit.
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.getByRole('heading', { level: 1, name: `Modifier « ${name} »` }).waitFor();
    await checkPage(page, '13-edit');
    await page.getByLabel('Description').fill('Un torréfacteur qui donne ses paquets défectueux.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Un torréfacteur qui donne ses paquets défectueux.').waitFor();

    // Archive, after confirming in a dialog.
    await page.getByRole('button', { name: 'Archiver' }).click();
    const dialog = page.getByRole('dialog', { name: "Archiver l'organisation" });
    await dialog.waitFor();
    await checkPage(page, '14-archive-dialog');
    await dialog.getByRole('button', { name: 'Archiver' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Archivée', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Archiver' }).count()).toBe(0);

    // Found again by searching, among the archived organisations.
    await page.getByRole('link', { name: "← Retour à l'annuaire" }).click();
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill(name);
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.waitForURL(/[?&]q=/);
    expect(await page.getByRole('link', { name }).count()).toBe(0);
    // NOTE: click, not check(): the switch follows the address, which updates a moment later.
    await page.getByRole('switch', { name: 'Voir les organisations archivées' }).click();
    await page.waitForURL(/status=archived/);
    await page.getByRole('link', { name }).waitFor();
    await checkPage(page, '15-directory-archived-search');

    // An unknown page.
    await page.goto('/nulle-part');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await checkPage(page, '16-not-found');

    // Sign out: the session ends and private pages redirect again.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/connexion');
    await page.goto('/annuaire');
    await page.waitForURL('**/connexion');
    expect((await page.request.get('/api/me')).status()).toBe(401);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
