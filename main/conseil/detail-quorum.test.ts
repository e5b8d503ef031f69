import { testCore, validAccount, validHoraires, validIdentity } from '../../test-support/helpers';

/** Three élus in office: the quorum is 2 (L2121-17). */
const elus = ['Lefèvre', 'Chevalier', 'Martin'].map((nom, i) => ({
  civilite: 'Mme',
  nom,
  prenom: 'Anne',
  fonction: i === 0 ? 'maire' : 'conseiller',
  mandat_debut: '2026-03-28',
  date_naissance: `196${i}-05-10`,
}));

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const seance = (date: string, reconvocation_de?: number) => ({
  seance: { date, heure: '20:30', lieu: 'Salle du conseil', nature: 'ordinaire' as const, reconvocation_de },
});

describe('the séance detail carries the quorum the core decides (the window never recomputes it)', () => {
  it('at the roll call: nobody present yet is short of quorum, without condition at a reconvocation (L2121-17 al. 2)', async () => {
    const t = testCore();
    const c = t.client;
    await ok(
      c.call('setup.createCommune', { identity: validIdentity, horaires: validHoraires, elus, account: validAccount }),
    );
    const { seanceId } = await ok(c.call('conseil.createSeance', seance('2026-11-27')));
    const first = await ok(c.call('conseil.seance', { seanceId }));
    expect(first.quorum).toMatchObject({ reached: false, required: 2, counted: 0 });
    expect(first.quorum.message).toMatch(
      /^Quorum non atteint : 0 présent sur 3 en exercice, il en faut au moins 2.*L2121-17/,
    );
    // the séance is held without quorum, its item postponed, the séance closed: then it may be reconvened
    const { pointId } = await ok(
      c.call('conseil.savePoint', { seanceId, pointId: null, point: { titre: 'Budget', matiere: '7.1' } }),
    );
    t.setNow('2026-11-27T19:30:00Z');
    await ok(c.call('conseil.openSeance', { seanceId, confirm: true }));
    const eluIds = (await ok(c.call('commune.get'))).elus.map((e) => e.id);
    await ok(c.call('conseil.setPresence', { seanceId, presence: { eluId: eluIds[0]!, statut: 'present' } }));
    await ok(c.call('conseil.setSecretaires', { seanceId, eluIds: [eluIds[0]!] }));
    await ok(c.call('conseil.reporterPoint', { pointId, motif: 'quorum non atteint' }));
    await ok(c.call('conseil.closeSeance', { seanceId }));

    const { seanceId: again } = await ok(c.call('conseil.createSeance', seance('2026-12-04', seanceId)));
    const second = await ok(c.call('conseil.seance', { seanceId: again }));
    expect(second.quorum).toMatchObject({ reached: true, required: 0, counted: 0 });
    expect(second.quorum.message).toMatch(/reconvocation.*quel que soit le nombre de présents.*L2121-17 al\. 2/);
    t.close();
  });
});
