/**
 * Steps the two état-civil e2e files share (registers, e2e/browser/etat-civil.e2e.ts; the counter,
 * etat-civil-guichet.e2e.ts): a commune created through the wizard, a screen checked by axe with its screenshot,
 * an option picked in a Mantine select.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, shot } from './harness';

const PASSWORD = 'une belle journée à la mairie';
export const T = { timeout: 15_000 };

export async function clean(page: Page, screen: string): Promise<void> {
  await page.mouse.move(0, 0);
  await shot(page, screen);
  const violations = await axe(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

export async function setupCommune(page: Page): Promise<void> {
  await page.getByLabel('Nom de la commune').waitFor(T);
  const identity = {
    'Nom de la commune': 'Saint-Benoît-sur-Loire',
    'Code INSEE': '45270',
    SIREN: '214502494',
    Département: '45',
    Arrondissement: '3',
    'Adresse de la mairie': '1 place de la Mairie',
    'Code postal': '45730',
    Téléphone: '02 38 35 70 00',
    'E-mail de la mairie': 'mairie@exemple.fr',
    Population: '412',
  };
  for (const [label, value] of Object.entries(identity)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('mardi matin').check();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('Civilité (élu 1)').selectOption('Mme');
  await page.getByLabel('Nom (élu 1)', { exact: true }).fill('Lefèvre');
  await page.getByLabel('Prénom (élu 1)').fill('Hélène');
  await page.getByLabel('Date de naissance (élu 1)').fill('02/04/1961');
  await page.getByLabel('Fonction (élu 1)').selectOption('maire');
  await page.getByLabel('Début du mandat (élu 1)').fill('28/03/2026');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('Identifiant').fill('secretaire');
  await page.getByLabel('Nom affiché').fill('Martine Roux');
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirmation du mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer le dossier de la commune' }).click();
  await page.getByTestId('dashboard-ready').waitFor(T);
}

export async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
