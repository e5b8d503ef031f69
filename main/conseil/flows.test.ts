import { testCore, validAccount, validHoraires, validIdentity, type TestCore } from '../../test-support/helpers';

/** Issue « a conseil that forgives a wrong click »: the core rules, through the contract. 11 élus in office. */
const conseil = [
  {
    civilite: 'Mme',
    nom: 'Lefèvre',
    prenom: 'Hélène',
    fonction: 'maire',
    mandat_debut: '2026-03-28',
    date_naissance: '1961-04-02',
  },
  {
    civilite: 'M.',
    nom: 'Chevalier',
    prenom: 'Noël',
    fonction: 'adjoint',
    rang_adjoint: 1,
    mandat_debut: '2026-03-28',
    date_naissance: '1970-01-01',
  },
  ...['Le Gall', 'Ménard', 'Benoît', 'Roux', 'Dupont', 'Martin', 'Petit', 'Moreau', 'Garnier'].map((nom, i) => ({
    civilite: 'M.',
    nom,
    prenom: 'Élu',
    fonction: 'conseiller',
    mandat_debut: '2026-03-28',
    date_naissance: `19${60 + i}-05-10`,
  })),
];

type Res<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
async function ok<T>(p: Promise<Res<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
async function err<T>(p: Promise<Res<T>>): Promise<{ code: string; message: string }> {
  const r = await p;
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

interface Fixture extends TestCore {
  ids: number[];
  /** a séance on `date` with the given items, convened on `convoqueLe` (or never) */
  seance(
    date: string,
    titres: string[],
    convoqueLe: string | null,
    reconvocationDe?: number,
  ): Promise<{ seanceId: number; points: number[] }>;
  /** open at 20:30 Paris on its day, mark the first `n` élus present, first présent secrétaire */
  ouvrir(seanceId: number, date: string, n: number): Promise<void>;
  journal(text: string): Promise<string[]>;
}

async function setup(): Promise<Fixture> {
  const t = testCore();
  await ok(
    t.client.call('setup.createCommune', {
      identity: validIdentity,
      horaires: validHoraires,
      elus: conseil,
      account: validAccount,
    }),
  );
  const ids = (await ok(t.client.call('commune.get'))).elus.map((e) => e.id);
  const c = t.client;
  return {
    ...t,
    ids,
    async seance(date, titres, convoqueLe, reconvocationDe) {
      const { seanceId } = await ok(
        c.call('conseil.createSeance', {
          seance: {
            date,
            heure: '20:30',
            lieu: 'Salle du conseil',
            nature: 'ordinaire',
            reconvocation_de: reconvocationDe ?? null,
          },
        }),
      );
      for (const titre of titres)
        await ok(c.call('conseil.savePoint', { seanceId, pointId: null, point: { titre, matiere: '7.1' } }));
      if (convoqueLe)
        await ok(
          c.call('conseil.recordEnvois', {
            seanceId,
            envois: ids.map((eluId) => ({ eluId, mode: 'dematerialise', date: convoqueLe })),
          }),
        );
      const points = (await ok(c.call('conseil.seance', { seanceId }))).points.map((p) => p.id);
      return { seanceId, points };
    },
    async ouvrir(seanceId, date, n) {
      t.setNow(`${date}T19:30:00Z`);
      await ok(c.call('conseil.openSeance', { seanceId, confirm: true }));
      for (const eluId of ids.slice(0, n))
        await ok(c.call('conseil.setPresence', { seanceId, presence: { eluId, statut: 'present' } }));
      await ok(c.call('conseil.setSecretaires', { seanceId, eluIds: [ids[0]!] }));
    },
    async journal(text) {
      return (await ok(c.call('journal.list', { text, limit: 50 }))).rows.map((r: { summary: string }) => r.summary);
    },
  };
}

describe('opening a séance whose convocation is missing or late (L2121-10 to L2121-12)', () => {
  it('warns with the article, refuses without confirmation, and journals the confirmation', async () => {
    const t = await setup();
    const { seanceId } = await t.seance('2026-11-27', ['Budget'], null);
    t.setNow('2026-11-27T19:30:00Z');
    const refused = await err(t.client.call('conseil.openSeance', { seanceId }));
    expect(refused).toMatchObject({
      code: 'CONFIRM',
      message: expect.stringMatching(/Aucune convocation.*3 jours francs.*L2121-10.*L2121-11/),
    });
    expect((await ok(t.client.call('conseil.seance', { seanceId }))).seance.statut).not.toBe('en_cours');
    await ok(t.client.call('conseil.openSeance', { seanceId, confirm: true }));
    expect(await t.journal('malgré')).toEqual([
      expect.stringMatching(/Séance ouverte malgré l'avertissement : Aucune convocation/),
    ]);
    t.close();
  });

  it('opens without a word when every élu was convened in time', async () => {
    const t = await setup();
    const { seanceId } = await t.seance('2026-11-27', ['Budget'], '2026-11-23');
    t.setNow('2026-11-27T19:30:00Z');
    await ok(t.client.call('conseil.openSeance', { seanceId }));
    expect(await t.journal('malgré')).toEqual([]);
    t.close();
  });
});

describe('reconvocation (L2121-17 al. 2)', () => {
  it('exempts only the carried items, and never carries an item already voted', async () => {
    const t = await setup();
    const c = t.client;
    const a = await t.seance('2026-11-27', ['Voirie', 'Cantine'], '2026-11-23');
    await t.ouvrir(a.seanceId, '2026-11-27', 3);
    for (const pointId of a.points) await ok(c.call('conseil.reporterPoint', { pointId, motif: 'quorum non atteint' }));
    await ok(c.call('conseil.closeSeance', { seanceId: a.seanceId }));

    const b = await t.seance('2026-12-04', [], null, a.seanceId);
    const added = (
      await ok(
        c.call('conseil.savePoint', {
          seanceId: b.seanceId,
          pointId: null,
          point: { titre: 'Point nouveau', matiere: '7.1' },
        }),
      )
    ).pointId;
    await ok(
      c.call('conseil.recordEnvois', {
        seanceId: b.seanceId,
        envois: t.ids.map((eluId) => ({ eluId, mode: 'dematerialise', date: '2026-11-27' })),
      }),
    );
    expect(b.points).toHaveLength(2);
    await t.ouvrir(b.seanceId, '2026-12-04', 2);
    // carried items: voted with 2 présents on 11
    for (const pointId of b.points)
      await ok(c.call('conseil.vote', { pointId, vote: { pour: 2, contre: 0, abstention: 0 } }));
    // the item added to the reconvocation needs the quorum like any other
    expect(
      await err(c.call('conseil.vote', { pointId: added, vote: { pour: 2, contre: 0, abstention: 0 } })),
    ).toMatchObject({ code: 'RULE', message: expect.stringMatching(/Quorum non atteint.*L2121-17/) });
    await ok(c.call('conseil.reporterPoint', { pointId: added, motif: 'quorum non atteint' }));
    await ok(c.call('conseil.closeSeance', { seanceId: b.seanceId }));

    // a second reconvocation of the first séance would vote the same items twice: refused
    const twice = await err(
      c.call('conseil.createSeance', {
        seance: {
          date: '2026-12-11',
          heure: '20:30',
          lieu: 'Mairie',
          nature: 'ordinaire',
          reconvocation_de: a.seanceId,
        },
      }),
    );
    expect(twice).toMatchObject({
      code: 'RULE',
      message: expect.stringMatching(/point 1 a déjà été délibéré.*point 2 a déjà été délibéré.*L2121-17 al\. 2/),
    });
    // the reconvocation of the second séance carries only the item added there
    const cc = await t.seance('2026-12-11', [], null, b.seanceId);
    expect((await ok(c.call('conseil.seance', { seanceId: cc.seanceId }))).points.map((p) => p.titre)).toEqual([
      'Point nouveau',
    ]);
    t.close();
  });

  it('does not carry an item the council postponed by choice, with quorum', async () => {
    const t = await setup();
    const a = await t.seance('2026-11-27', ['Voirie'], '2026-11-23');
    await t.ouvrir(a.seanceId, '2026-11-27', 8);
    await ok(t.client.call('conseil.reporterPoint', { pointId: a.points[0]!, motif: 'dossier incomplet' }));
    await ok(t.client.call('conseil.closeSeance', { seanceId: a.seanceId }));
    const r = await err(
      t.client.call('conseil.createSeance', {
        seance: {
          date: '2026-12-04',
          heure: '20:30',
          lieu: 'Mairie',
          nature: 'ordinaire',
          reconvocation_de: a.seanceId,
        },
      }),
    );
    expect(r.message).toMatch(/reporté par le conseil, non faute de quorum/);
    t.close();
  });
});

describe('a vote corrected while the séance is open, never after', () => {
  it('keeps the number, journals before/after, then refuses once the séance is closed', async () => {
    const t = await setup();
    const c = t.client;
    const a = await t.seance('2026-11-27', ['Décision modificative n° 2'], '2026-11-23');
    await t.ouvrir(a.seanceId, '2026-11-27', 7);
    const pointId = a.points[0]!;
    const v = await ok(c.call('conseil.vote', { pointId, vote: { pour: 7, contre: 0, abstention: 0 } }));
    const before = (await ok(c.call('conseil.deliberations', {}))).rows[0]!;
    // inconsistent counts are refused: 8 voix for 7 votants
    expect(
      await err(c.call('conseil.correctVote', { pointId, vote: { pour: 2, contre: 5, abstention: 1 } })),
    ).toMatchObject({ code: 'INVALID', message: expect.stringMatching(/votants \(7\)/) });
    const fixed = await ok(c.call('conseil.correctVote', { pointId, vote: { pour: 2, contre: 5, abstention: 0 } }));
    expect(fixed.numero).toBe(v.numero);
    const after = (await ok(c.call('conseil.deliberations', {}))).rows[0]!;
    expect(after).toMatchObject({
      id: before.id,
      numero: v.numero,
      pour: 2,
      contre: 5,
      adoptee: 0,
      transmission: 'non_soumise',
    });
    expect(after.pdf_sha256).not.toBe(before.pdf_sha256);
    expect(await t.journal('corrigé')).toEqual([
      expect.stringMatching(
        new RegExp(`n° ${v.numero} corrigé en séance.*avant « Adopté \\(7 pour.*après « Rejeté \\(2 pour, 5 contre`),
      ),
    ]);
    await ok(c.call('conseil.closeSeance', { seanceId: a.seanceId }));
    const late = await err(c.call('conseil.correctVote', { pointId, vote: { pour: 7, contre: 0, abstention: 0 } }));
    expect(late).toMatchObject({
      code: 'RULE',
      message: expect.stringMatching(/séance est close.*nouvelle délibération.*L2121-23/),
    });
    t.close();
  });
});

describe('arrêter the PV is an act of the council (L2121-15, L2121-17)', () => {
  it('needs the quorum, a consistent vote and a confirmation', async () => {
    const t = await setup();
    const c = t.client;
    const a = await t.seance('2026-11-27', ['Voirie'], '2026-11-23');
    await t.ouvrir(a.seanceId, '2026-11-27', 8);
    await ok(c.call('conseil.vote', { pointId: a.points[0]!, vote: { pour: 8, contre: 0, abstention: 0 } }));
    await ok(c.call('conseil.closeSeance', { seanceId: a.seanceId }));
    await ok(c.call('conseil.pvSave', { seanceId: a.seanceId, debats: 'Le maire présente le projet de voirie.' }));
    t.setNow('2026-11-30T09:00:00Z');
    const b = await t.seance('2026-12-11', ['Cantine'], '2026-11-30');
    await t.ouvrir(b.seanceId, '2026-12-11', 1);
    const arret = (vote: Record<string, unknown>) =>
      c.call('conseil.pvArreter', { seanceId: a.seanceId, parSeanceId: b.seanceId, vote });
    expect(await err(arret({ pour: 1, contre: 0, abstention: 0, confirm: true }))).toMatchObject({
      code: 'RULE',
      message: expect.stringMatching(/acte du conseil.*Quorum non atteint : 1 présent sur 11/),
    });
    for (const eluId of t.ids.slice(1, 6))
      await ok(c.call('conseil.setPresence', { seanceId: b.seanceId, presence: { eluId, statut: 'present' } }));
    expect(await err(arret({ pour: 5, contre: 0, abstention: 0, confirm: true }))).toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/votants \(6\)/),
    });
    expect(await err(arret({ pour: 6, contre: 0, abstention: 0 }))).toMatchObject({
      code: 'CONFIRM',
      message: expect.stringMatching(/ne se modifie plus.*L2121-15/),
    });
    expect((await ok(c.call('conseil.seance', { seanceId: a.seanceId }))).pv?.statut).toBe('brouillon');
    expect(await ok(arret({ pour: 5, contre: 0, abstention: 1, confirm: true }))).toMatchObject({ arrete: true });
    expect(await t.journal('arrêté en séance')).toEqual([
      expect.stringMatching(/arrêté en séance du vendredi 11\/12\/2026 \(Adopté \(5 pour, 0 contre, 1 abstention/),
    ]);
    t.close();
  });
});

describe('publishing a délibération (L2131-1, L2121-23)', () => {
  it('asks for a confirmation, then a second one when the act is not signed', async () => {
    const t = await setup();
    const c = t.client;
    const a = await t.seance('2026-11-27', ['Décision modificative n° 2'], '2026-11-23');
    await t.ouvrir(a.seanceId, '2026-11-27', 7);
    await ok(c.call('conseil.vote', { pointId: a.points[0]!, vote: { pour: 7, contre: 0, abstention: 0 } }));
    await ok(c.call('conseil.closeSeance', { seanceId: a.seanceId }));
    const d = (await ok(c.call('conseil.deliberations', {}))).rows[0]!;
    const publish = (extra: object) =>
      c.call('conseil.publishDeliberation', { deliberationId: d.id, debut: '2026-11-27', ...extra });
    expect(await err(publish({}))).toMatchObject({
      code: 'CONFIRM',
      message: expect.stringMatching(/connaissance du public.*exécutoire.*L2131-1/),
    });
    expect(await err(publish({ confirm: true }))).toMatchObject({
      code: 'CONFIRM',
      message: expect.stringMatching(/pas encore signée par le maire et le\(s\) secrétaire\(s\).*L2121-23/),
    });
    expect((await ok(c.call('conseil.deliberations', {}))).rows[0]!.publication_debut).toBeNull();
    await ok(publish({ confirm: true, confirmNonSignee: true }));
    expect(await t.journal('publiée')).toEqual([
      expect.stringMatching(/publiée avant sa signature, sur confirmation expresse/),
    ]);
    t.close();
  });
});

describe('search ignores accents and case', () => {
  it('« decision modificative » finds « Décision modificative »', async () => {
    const t = await setup();
    const c = t.client;
    const a = await t.seance('2026-11-27', ['Décision modificative n° 2', 'Tarifs de la cantine'], '2026-11-23');
    await t.ouvrir(a.seanceId, '2026-11-27', 7);
    for (const pointId of a.points)
      await ok(c.call('conseil.vote', { pointId, vote: { pour: 7, contre: 0, abstention: 0 } }));
    const find = async (texte: string) =>
      (await ok(c.call('conseil.deliberations', { texte }))).rows.map((r) => r.objet);
    expect(await find('decision modificative')).toEqual(['Décision modificative n° 2']);
    expect(await find('DÉCISION modif')).toEqual(['Décision modificative n° 2']);
    expect(await find('2026_002')).toEqual(['Tarifs de la cantine']);
    expect(await find('"OR*')).toEqual([]);
    t.close();
  });
});
