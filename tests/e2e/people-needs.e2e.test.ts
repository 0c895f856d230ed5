import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  DEMO,
  expectAccessible,
  launchBrowser,
  POLL,
  screenshot,
  signedInPage,
} from './support.ts';

// Not in support.ts's list: the Alsace member represents "Libre Objet".
const ALSACE_MEMBER = 'membre@alsace.labo.test';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function organisationId(page: Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/organisations?q=${encodeURIComponent(name)}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { id: string; name: string }[] };
  const found = body.items.find((o) => o.name === name);
  if (!found) throw new Error(`no organisation named ${name}`);
  return found.id;
}

describe('people and needs on the organisation page', () => {
  it('a facilitator adds a person with a consent, exports their data, then erases them', async () => {
    const { page, context, pageErrors } = await signedInPage(browser, DEMO.alsaceFacilitator);
    const id = await organisationId(page, 'Les Jardins de la Montagne Verte');
    await page.goto(`/annuaire/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Les Jardins de la Montagne Verte' }).waitFor();
    // The identity shows the territory at every level and the themes in words.
    await page.getByText('Grand Est', { exact: false }).first().waitFor();
    await page.getByText('Intercommunalité (EPCI)').waitFor();

    await page.getByRole('button', { name: 'Ajouter une personne' }).click();
    const dialog = page.getByRole('dialog', { name: /Ajouter une personne/ });
    await dialog.waitFor();
    // Bad input: nothing sent, a message beside each field, focus on the first one.
    await dialog.getByLabel('Adresse e-mail').fill('pas-une-adresse');
    await dialog.getByRole('button', { name: 'Ajouter la personne' }).click();
    await dialog.getByText('Certains champs sont à corriger').waitFor();
    await dialog.getByText('Saisissez le prénom (100 caractères au plus).').waitFor();
    await dialog.getByText('Saisissez une adresse e-mail valide, ex. : nom@exemple.fr.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), POLL)
      .toBe('true');
    await checkPage(page, '60-person-add-errors');

    await dialog.getByLabel(/^Prénom/).fill('Hélène');
    await dialog.getByLabel(/^Nom/).fill('Vogelsang');
    await dialog.getByLabel('Fonction').fill('Coordinatrice');
    await dialog.getByLabel("Rôle dans l'organisation").fill('Référente partenariats');
    await dialog.getByLabel('Adresse e-mail').fill('helene.vogelsang@jardins.example.org');
    await dialog.getByLabel('Téléphone').fill('03 88 12 34 56');
    await dialog.getByLabel(/^Base légale/).selectOption('consent');
    await dialog.getByRole('button', { name: 'Ajouter la personne' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = page.getByRole('article', { name: 'Hélène Vogelsang' });
    await card.waitFor();
    await card.getByText('helene.vogelsang@jardins.example.org').waitFor();

    // A consent, then its withdrawal: two records, the first never changed.
    await card.getByRole('button', { name: 'Consentements de Hélène Vogelsang' }).click();
    const consents = page.getByRole('dialog', { name: 'Consentements de Hélène Vogelsang' });
    await consents.getByText('Aucun consentement enregistré.').waitFor();
    await consents.getByLabel(/^Version du texte/).fill('lettre-2026-01');
    await consents.getByLabel(/^Recueilli par/).selectOption('paper_form');
    await consents.getByRole('button', { name: 'Enregistrer' }).click();
    await consents.getByRole('cell', { name: 'Donné' }).waitFor();
    await consents.getByLabel(/^Décision/).selectOption('withdrawn');
    await consents.getByLabel(/^Version du texte/).fill('lettre-2026-01');
    await consents.getByRole('button', { name: 'Enregistrer' }).click();
    await consents.getByRole('cell', { name: 'Retiré' }).waitFor();
    expect(await consents.getByRole('row').count()).toBe(3);
    await checkPage(page, '61-person-consents');
    await consents.getByRole('button', { name: 'Fermer' }).click();
    await consents.waitFor({ state: 'hidden' });

    // Export (Art. 15/20): the downloaded files hold the person.
    for (const format of ['JSON', 'CSV']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card.getByRole('link', { name: `Exporter les données de Hélène Vogelsang en ${format}` }).click(),
      ]);
      const file = await download.path();
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('Vogelsang');
      expect(text).toContain('helene.vogelsang@jardins.example.org');
      expect(text).toContain('lettre-2026-01');
    }
    await screenshot(page, '62-organisation-people');
    await expectAccessible(page, 'organisation page with people');

    const list = await page.request.get(`/api/organisations/${id}/people?q=Vogelsang`);
    const personId = ((await list.json()) as { items: { id: string; lastName: string }[] }).items.find(
      (p) => p.lastName === 'Vogelsang',
    )?.id;
    expect(personId).toBeDefined();

    // Erasure (Art. 17) behind a dialog whose default focus is not the destructive button.
    await card.getByRole('button', { name: 'Effacer Hélène Vogelsang' }).click();
    const erase = page.getByRole('dialog', { name: 'Effacer Hélène Vogelsang ?' });
    await erase.getByText("C'est définitif").waitFor();
    await checkPage(page, '63-person-erase-confirm');
    await erase.getByRole('button', { name: 'Effacer définitivement Hélène Vogelsang' }).click();
    await erase.waitFor({ state: 'hidden' });
    await card.waitFor({ state: 'detached' });
    expect((await page.request.get(`/api/people/${personId}`)).status()).toBe(404);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("a member edits its own organisation's need, and only its own", async () => {
    const { page, context, pageErrors } = await signedInPage(browser, ALSACE_MEMBER);
    const id = await organisationId(page, 'Libre Objet');
    await page.goto(`/annuaire/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Libre Objet' }).waitFor();
    await page.getByRole('button', { name: 'Modifier « Débouchés pour nos objets »' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier « Débouchés pour nos objets »' });
    await dialog.getByLabel(/^Quantité/).fill('-3');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('Saisissez une quantité positive').waitFor();
    await dialog.getByLabel(/^Quantité/).fill('1 200');
    await dialog.getByLabel(/^Unité/).fill('objets/an');
    await dialog.getByLabel(/^Statut/).selectOption('in_discussion');
    await dialog.getByLabel('Début de la période').fill('2026-03-01');
    await dialog.getByLabel('Fin de la période').fill('2026-02-01');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('La fin de la période ne peut pas précéder son début.').waitFor();
    await checkPage(page, '64-need-edit-errors');
    await dialog.getByLabel('Fin de la période').fill('2026-12-31');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const item = page
      .getByRole('region', { name: 'Besoins et ressources' })
      .getByRole('listitem')
      .filter({ hasText: 'Débouchés pour nos objets' });
    await item.getByText('En discussion', { exact: true }).waitFor();
    // The timeline says it in words too.
    await page.getByText('Besoin « Débouchés pour nos objets » : en discussion').waitFor();
    await item.getByText(/1\s200 objets\/an/).waitFor();
    await item.getByText('du 1 mars 2026 au 31 décembre 2026').waitFor();
    await checkPage(page, '65-member-own-organisation');

    // Another organisation's needs are read-only for a member, and its people are not shown.
    await page.goto(`/annuaire/${await organisationId(page, 'SATI — Torréfaction de café')}`);
    await page.getByRole('heading', { level: 2, name: 'Besoins et ressources' }).waitFor();
    await page.getByText('Paquets de café défectueux', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Modifier « / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ajouter un besoin' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Personnes' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
