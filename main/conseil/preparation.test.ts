// Before the séance, through the core: a written proxy extended to following séances (L2121-20) and an ordre
// du jour that is frozen once the séance is open (seance-pouvoirs.ts, ordre-du-jour.ts).
import { testCore, validAccount, validHoraires, validIdentity, type TestCore } from '../../test-support/helpers';

const elus = ['Lefèvre Hélène', 'Chevalier Noël', 'Roux Cécile', 'Martin Zoé', 'Petit Éloïse'].map((n, i) => ({
  civilite: 'Mme',
  nom: n.split(' ')[0],
  prenom: n.split(' ')[1],
  fonction: i === 0 ? 'maire' : 'conseiller',
  mandat_debut: '2026-03-28',
  date_naissance: `19${60 + i}-05-10`,
}));

async function setup(): Promise<TestCore & { elu: (nom: string) => number }> {
  const t = testCore();
  const r = await t.client.call('setup.createCommune', {
    identity: validIdentity,
    horaires: validHoraires,
    elus,
    account: validAccount,
  });
  if (!r.ok) throw new Error(r.error.message);
  const dossier = await t.client.call('commune.get');
  if (!dossier.ok) throw new Error('dossier');
  const ids = new Map(dossier.value.elus.map((e) => [e.nom, e.id]));
  return { ...t, elu: (nom) => ids.get(nom)! };
}

async function seance(t: TestCore, date: string): Promise<number> {
  const r = await t.client.call('conseil.createSeance', {
    seance: { date, heure: '20:30', lieu: 'Salle du conseil', nature: 'ordinaire' },
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.seanceId;
}

describe('preparing a séance', () => {
  it('extends a written proxy to the next séances, never beyond three consecutive ones (L2121-20)', async () => {
    const t = await setup();
    const c = t.client;
    const seances = [];
    for (const date of ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22']) seances.push(await seance(t, date));
    const [s1, s2, s3, s4] = seances as [number, number, number, number];
    const pouvoir = { mandantId: t.elu('Martin'), mandataireId: t.elu('Roux'), signeLe: '2026-11-23' };
    const first = await c.call('conseil.addPouvoir', { seanceId: s1, pouvoir });
    if (!first.ok) throw new Error(first.error.message);
    const pouvoirId = first.value.pouvoirId;

    // The same document, for another pair of élus: not found.
    const other = await c.call('conseil.addPouvoir', {
      seanceId: s2,
      pouvoir: { ...pouvoir, mandataireId: t.elu('Petit'), pouvoirId },
    });
    expect(!other.ok && other.error).toMatchObject({ code: 'NOT_FOUND' });

    for (const seanceId of [s2, s3]) {
      const r = await c.call('conseil.addPouvoir', { seanceId, pouvoir: { ...pouvoir, pouvoirId } });
      expect(r.ok && r.value.pouvoirId).toBe(pouvoirId);
    }
    const fourth = await c.call('conseil.addPouvoir', { seanceId: s4, pouvoir: { ...pouvoir, pouvoirId } });
    expect(!fourth.ok && fourth.error).toMatchObject({
      code: 'RULE',
      message: expect.stringMatching(/trois séances consécutives au plus \(celui-ci en couvre 4\)/),
    });
    t.close();
  });

  it('freezes the ordre du jour once the séance is open, and wants a rapporteur in office', async () => {
    const t = await setup();
    const c = t.client;
    const seanceId = await seance(t, '2026-11-27');
    const gone = await c.call('conseil.savePoint', {
      seanceId,
      pointId: null,
      point: { titre: 'Budget', matiere: '7.1', rapporteur_elu_id: 9999 },
    });
    expect(!gone.ok && gone.error.message).toMatch(/Rapporteur : il doit être membre du conseil en exercice/);
    const added = await c.call('conseil.savePoint', {
      seanceId,
      pointId: null,
      point: { titre: 'Budget', matiere: '7.1' },
    });
    if (!added.ok) throw new Error(added.error.message);
    t.setNow('2026-11-27T19:30:00Z');
    const open = await c.call('conseil.openSeance', { seanceId, confirm: true });
    if (!open.ok) throw new Error(open.error.message);
    const late = await c.call('conseil.savePoint', {
      seanceId,
      pointId: null,
      point: { titre: 'Voirie', matiere: '8.3' },
    });
    expect(!late.ok && late.error).toMatchObject({
      code: 'CONFLICT',
      message: "Ordre du jour : la séance est en cours, l'ordre du jour ne change plus.",
    });
    const moved = await c.call('conseil.removePoint', { pointId: added.value.pointId });
    expect(!moved.ok && moved.error.message).toMatch(/^Retrait impossible : la séance est en cours/);
    t.close();
  });
});
