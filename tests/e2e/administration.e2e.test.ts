import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DEMO, launchBrowser, newPage, signedInPage, signIn } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The newest link containing `keyword` in the e-mails to `to`, as the admin sees them in the
 * outbox; returned as a path so that it opens on the server under test whatever its public URL.
 */
async function linkFromOutbox(admin: Page, to: string, keyword: RegExp): Promise<string> {
  // The e-mail may be written just after the request answered: look again a few times.
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await admin.goto('/administration/courriels');
    await admin.getByRole('heading', { level: 1, name: 'Courriels' }).waitFor();
    await admin.getByRole('article').first().waitFor();
    const texts = await admin
      .getByRole('article')
      .filter({ hasText: `À : ${to}` })
      .locator('pre')
      .allTextContents();
    const links = texts.flatMap((text) => text.match(/(https?:\/\/|\/)[^\s<>"]+/g) ?? []);
    const link = links.find((candidate) => keyword.test(candidate));
    if (link) {
      const url = new URL(link, 'http://labo.invalid');
      return `${url.pathname}${url.search}`;
    }
    await admin.waitForTimeout(500);
  }
  throw new Error(`No ${keyword} link in the e-mails to ${to}`);
}

describe('administration', () => {
  it('lets a lab admin invite a member, who accepts, signs in, and later resets the password', async () => {
    const admin = await signedInPage(browser, DEMO.alsaceAdmin);
    await admin.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await admin.page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    await admin.page.getByRole('cell', { name: DEMO.alsaceFacilitator }).waitFor();
    await checkPage(admin.page, '40-admin-users');

    // Invite a member who represents an organisation of the directory.
    const email = `invite-${Date.now()}@exemple.test`;
    await admin.page.getByRole('link', { name: 'Inviter' }).first().click();
    await admin.page.getByRole('heading', { level: 1, name: 'Inviter une personne' }).waitFor();
    await admin.page.getByLabel('Adresse e-mail').fill(email);
    await admin.page.getByLabel('Rôle').selectOption('member');
    await admin.page.getByRole('combobox', { name: /^Organisation représentée/ }).click();
    await admin.page.getByRole('listbox').getByRole('option').first().click();
    await checkPage(admin.page, '41-admin-invite');
    await admin.page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await admin.page.getByText(`Invitation envoyée à ${email}`).waitFor();

    const invitationLink = await linkFromOutbox(admin.page, email, /invitation/);
    await checkPage(admin.page, '42-admin-outbox');

    // The invited person chooses a name and a password.
    const guest = await newPage(browser);
    await guest.page.goto(invitationLink);
    await guest.page.getByRole('heading', { level: 1, name: 'Rejoindre Labo' }).waitFor();
    await checkPage(guest.page, '43-accept-invitation');
    await guest.page.getByLabel('Nom et prénom').fill('Camille Invitée');
    await guest.page.getByLabel('Nouveau mot de passe').fill('court');
    await guest.page.getByLabel('Confirmez le mot de passe').fill('court');
    await guest.page.getByRole('button', { name: 'Créer mon compte' }).click();
    await guest.page.getByText('Le mot de passe doit contenir au moins 12 caractères.').waitFor();
    const password = 'un-mot-de-passe-solide-2026';
    await guest.page.getByLabel('Nouveau mot de passe').fill(password);
    await guest.page.getByLabel('Confirmez le mot de passe').fill(password);
    await guest.page.getByRole('button', { name: 'Créer mon compte' }).click();
    await guest.page.getByText('Votre compte est prêt.', { exact: false }).waitFor();

    await signIn(guest.page, email, password);
    await guest.page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await guest.page.getByRole('button', { name: 'Se déconnecter' }).click();
    await guest.page.waitForURL('**/connexion');

    // Forgotten password: the link arrives in the outbox.
    await guest.page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await guest.page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
    await checkPage(guest.page, '44-forgot-password');
    await guest.page.getByLabel('Adresse e-mail').fill(email);
    await guest.page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await guest.page.getByText('Demande enregistrée').waitFor();
    await checkPage(guest.page, '45-forgot-password-sent');

    // NOTE: reset e-mails belong to no lab (better-auth does not know the user's lab), so only
    // the network admin's outbox shows them.
    const network = await signedInPage(browser, DEMO.networkAdmin);
    const resetLink = await linkFromOutbox(network.page, email, /reinitialiser|reset-password/);
    await network.context.close();
    await guest.page.goto(resetLink);
    await guest.page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor();
    await checkPage(guest.page, '46-reset-password');
    const newPassword = 'encore-plus-solide-2027';
    await guest.page.getByLabel('Nouveau mot de passe').fill(newPassword);
    await guest.page.getByLabel('Confirmez le mot de passe').fill(newPassword);
    await guest.page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await guest.page.getByText('Votre mot de passe a été modifié.', { exact: false }).waitFor();
    await signIn(guest.page, email, newPassword);
    await guest.page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();

    expect([...admin.pageErrors, ...guest.pageErrors]).toEqual([]);
    await admin.context.close();
    await guest.context.close();
  });

  it('is neither offered to nor opened for a facilitator', async () => {
    const { context, page } = await signedInPage(browser, DEMO.alsaceFacilitator);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Annuaire' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto('/administration');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await context.close();
  });
});
