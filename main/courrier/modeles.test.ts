/**
 * Removing a reply template through the core: deleted when no reply used it, archived when one did (the reply
 * keeps its letter), never for the templates shipped with Clocher, only by the secrétaire, confirmed, journaled.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accountAs, err, ok } from '../../test-support/etat-civil-client';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { requireTool, toolMissing } from '../../test-support/support';

let t: TestCore & { communeId: string };
beforeEach(async () => {
  t = await withCommune(); // clock: Monday 2026-11-23
});
afterEach(() => t.close());

const db = () => t.core.communes.get(t.communeId).db;
const journal = () =>
  db().prepare("SELECT action, summary FROM journal WHERE action LIKE 'courrier.modele.%' ORDER BY id").all();
const relance = {
  code: 'relance',
  titre: 'Relance pour pièces',
  corps: 'Madame, Monsieur,\nVotre courrier n° {{numero}} : {{texte}}\nSalutations.',
};
const codes = async () => (await ok(t.client.call('courrier.modeles', {}))).map((m) => m.code);

it('a template no reply used: the core asks to confirm, then deletes it for good; journaled', async () => {
  const c = t.client;
  await ok(c.call('courrier.saveModele', { modele: relance }));
  expect(await err(c.call('courrier.deleteModele', { code: 'relance' }))).toEqual({
    code: 'CONFIRM',
    message:
      'Le modèle « Relance pour pièces » n’a servi à aucune réponse : il sera supprimé définitivement. Supprimer ce modèle ?',
  });
  expect(await codes()).toContain('relance'); // nothing done before the confirmation
  expect(await ok(c.call('courrier.deleteModele', { code: 'relance', confirm: true }))).toEqual({
    resultat: 'supprime',
    reponses: 0,
  });
  expect(await codes()).not.toContain('relance');
  expect(journal()).toEqual([
    { action: 'courrier.modele.supprime', summary: 'Modèle de réponse « Relance pour pièces » supprimé' },
  ]);
  expect((await err(c.call('courrier.deleteModele', { code: 'relance', confirm: true }))).code).toBe('NOT_FOUND');
  // the code is free again
  await ok(c.call('courrier.saveModele', { modele: relance }));
});

it('the templates shipped with Clocher are never deleted, neither through the core nor in the database', async () => {
  for (const code of ['reponse', 'accord', 'refus'])
    expect(await err(t.client.call('courrier.deleteModele', { code, confirm: true }))).toMatchObject({
      code: 'RULE',
      message: expect.stringContaining('fourni avec Clocher'),
    });
  expect(() => db().prepare("DELETE FROM courrier_modele WHERE code = 'refus'").run()).toThrow(
    /courrier_modele_builtin/,
  );
  expect(await codes()).toEqual(expect.arrayContaining(['reponse', 'accord', 'refus']));
});

it('a template a reply was made from is archived: no longer offered, the reply keeps its letter', async (ctx) => {
  const c = t.client;
  await ok(c.call('courrier.saveModele', { modele: relance }));
  const { courrierId } = await ok(
    c.call('courrier.registerArrivee', {
      arrivee: {
        channel: 'papier',
        dateReception: '2026-11-20',
        correspondent: { nom: 'Jérôme Bérard' },
        objet: 'Permis de construire',
      },
    }),
  );
  const texte = 'Merci de nous faire parvenir le plan de situation.';
  await ok(c.call('courrier.prepareReply', { courrierId, reponse: { modele: 'relance', texte } }));
  expect((await err(c.call('courrier.deleteModele', { code: 'relance' }))).message).toBe(
    'Le modèle « Relance pour pièces » a servi à 1 réponse : il sera archivé (plus proposé pour une nouvelle réponse) ; le texte de chaque réponse faite reste dans le registre. Archiver ce modèle ?',
  );
  expect(await ok(c.call('courrier.deleteModele', { code: 'relance', confirm: true }))).toEqual({
    resultat: 'archive',
    reponses: 1,
  });
  const listed = (await ok(c.call('courrier.modeles', {}))).find((m) => m.code === 'relance');
  expect(listed).toMatchObject({ archiveLe: '2026-11-23T09:00:00.000Z', reponses: 1, corps: relance.corps });
  expect(journal()).toEqual([
    {
      action: 'courrier.modele.archive',
      summary:
        'Modèle de réponse « Relance pour pièces » archivé (il a servi à 1 réponse, dont le texte reste au registre)',
    },
  ]);
  // no new reply from it, and its code is not taken again for another text
  expect((await err(c.call('courrier.prepareReply', { courrierId, reponse: { modele: 'relance', texte } }))).code).toBe(
    'INVALID',
  );
  expect((await err(c.call('courrier.saveModele', { modele: { ...relance, corps: 'Autre {{texte}}' } }))).code).toBe(
    'RULE',
  );
  expect((await err(c.call('courrier.deleteModele', { code: 'relance', confirm: true }))).code).toBe('NOT_FOUND');
  // the letter made from it is still there, with the text sent
  const r = db().prepare('SELECT modele, sha256 FROM courrier_reponse').get() as { modele: string; sha256: string };
  expect(r.modele).toBe('relance');
  requireTool(ctx, toolMissing('pdftotext'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-modele-'));
  const file = path.join(dir, 'reponse.pdf');
  fs.writeFileSync(file, t.core.communes.documentsOf(t.communeId).read(r.sha256));
  expect(execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ')).toContain(texte);
  fs.rmSync(dir, { recursive: true });
});

it('only the secrétaire removes a template: the maire is refused by the core, whatever the window sends', async () => {
  await ok(t.client.call('courrier.saveModele', { modele: relance }));
  const maire = await accountAs(t, 'maire', 'Hélène Lefèvre', 'maire');
  expect((await err(maire.call('courrier.deleteModele', { code: 'relance', confirm: true }))).code).toBe('FORBIDDEN');
  expect((await err(t.client.call('courrier.deleteModele', { code: 'x'.repeat(61) }))).code).toBe('INVALID');
  expect(await codes()).toContain('relance');
});
