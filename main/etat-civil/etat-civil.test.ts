/** The état civil through the real core: who sees it, search, keying, consultation journal. */
import { withCommune, type TestCore } from '../../test-support/helpers';
import { accountAs, err, naissance, ok } from '../../test-support/etat-civil-client';

describe('état civil: access, search, keying', () => {
  let t: TestCore & { communeId: string };
  const c = () => t.client;
  const db = () => t.core.communes.get(t.communeId).db;
  let elus: Map<string, number>;

  beforeAll(async () => {
    t = await withCommune();
    const dossier = await ok(c().call('commune.get'));
    elus = new Map(dossier.elus.filter((e) => !e.mandat_fin).map((e) => [e.nom, e.id]));
    await ok(c().call('etatCivil.createActe', { acte: naissance(1, 'Lefèvre', 'Éloïse Marie') }));
    await ok(
      c().call('etatCivil.createActe', { acte: { ...naissance(2, 'Martin-Dupont', 'Jean'), nom_usage: 'Roux' } }),
    );
    await ok(
      c().call('etatCivil.createActe', {
        acte: { type: 'deces', numero: 1, date_acte: '1987-03-02', nom: 'Lefebvre', prenoms: 'Paul' },
      }),
    );
    await ok(
      c().call('etatCivil.createActe', {
        acte: {
          type: 'mariage',
          numero: 1,
          date_acte: '2001-06-16',
          nom: 'Girard',
          prenoms: 'Luc',
          nom_conjoint: 'Œuvrard',
          prenoms_conjoint: 'Zoé',
        },
      }),
    );
  });
  afterAll(() => t.close());

  it('only the secrétaire and the officiers see it: maire and adjoint yes, conseiller and support no', async () => {
    const maire = await accountAs(t, 'maire', 'Hélène Lefèvre', 'maire', elus.get('Lefèvre')!);
    const adjoint = await accountAs(t, 'adjoint', 'Noël Chevalier', 'adjoint', elus.get('Chevalier')!);
    const conseiller = await accountAs(t, 'conseiller', 'Loïc Ménard', 'conseiller', elus.get('Ménard')!);
    const support = await accountAs(t, 'support', 'Support', 'support');
    expect((await ok(maire.call('etatCivil.search', { q: 'lef' }))).rows).toHaveLength(2);
    expect((await ok(adjoint.call('etatCivil.search', { q: 'lef' }))).rows).toHaveLength(2);
    const refused = await err(conseiller.call('etatCivil.search', { q: 'lef' }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('L2122-32') });
    expect((await err(conseiller.call('etatCivil.acte', { acteId: 1 }))).code).toBe('FORBIDDEN');
    expect((await err(support.call('etatCivil.search', { q: 'lef' }))).code).toBe('FORBIDDEN');
  });

  it('an agent sees it while his délégation R2122-10 is in force, not after it is revoked', async () => {
    const agent = await accountAs(t, 'agent', 'Martine Roux', 'conseiller');
    expect((await err(agent.call('etatCivil.search', { q: 'lef' }))).code).toBe('FORBIDDEN');
    const { delegationId } = await ok(
      c().call('parapheur.saveDelegation', {
        delegation: {
          article: 'R2122-10',
          delegantEluId: elus.get('Lefèvre'),
          delegataireNom: 'Martine ROUX',
          titulaire: true,
          qualite: "Officier d'état civil délégué",
          objets: ['etat_civil'],
          arreteNumero: 'A-2026-12',
          arreteDate: '2026-04-02',
          debut: '2026-04-02',
        },
      }),
    );
    expect((await ok(agent.call('etatCivil.search', { q: 'lef' }))).rows).toHaveLength(2);
    await ok(c().call('parapheur.revokeDelegation', { delegationId, date: '2026-11-23' }));
    expect((await err(agent.call('etatCivil.search', { q: 'lef' }))).code).toBe('FORBIDDEN');
  });

  it('finds by any prefix, with or without accents, by usage name, year, range and kind', async () => {
    const names = async (q: string) => (await ok(c().call('etatCivil.search', { q }))).rows.map((r) => r.titulaire);
    expect(await names('lefevre')).toEqual(['Éloïse Marie LEFÈVRE']);
    expect(await names('LEFÈV')).toEqual(['Éloïse Marie LEFÈVRE']);
    expect(await names('lefe')).toEqual(['Éloïse Marie LEFÈVRE', 'Paul LEFEBVRE']);
    expect(await names('elo')).toEqual(['Éloïse Marie LEFÈVRE']);
    expect(await names('dupont')).toEqual(['Jean MARTIN-DUPONT (usage ROUX)']);
    expect(await names('roux jea')).toEqual(['Jean MARTIN-DUPONT (usage ROUX)']);
    expect(await names('lef 1980-1990')).toEqual(['Paul LEFEBVRE']);
    expect(await names('lef décès')).toEqual(['Paul LEFEBVRE']);
    expect(await names('oeuv')).toEqual([]); // « Œ » is a letter of its own for the tokenizer
    expect(await names('zoé 2001')).toEqual(['Luc GIRARD et Zoé ŒUVRARD']);
    expect(await names('')).toEqual([]);
    const r = await ok(c().call('etatCivil.search', { q: 'lef', limit: 1 }));
    expect(r.more).toBe(true);
    expect(r.rows[0]).toEqual({
      id: expect.any(Number),
      type: 'naissance',
      annee: 2026,
      numero: 1,
      date_acte: expect.any(String),
      titulaire: 'Éloïse Marie LEFÈVRE',
      statut: 'indexe',
    });
  });

  it('finds by a parent’s name once keyed, and refuses « saisi » while a field of art. 57 is missing', async () => {
    const acte = {
      ...naissance(1, 'Lefèvre', 'Éloïse Marie'),
      date_evenement: '2026-11-18',
      lieu_evenement: 'Orléans (Loiret)',
    };
    const personnes = [
      { role: 'titulaire' as const, rang: 1, nom: 'Lefèvre', prenoms: 'Éloïse Marie', sexe: 'F' as const },
      {
        role: 'parent' as const,
        rang: 1,
        nom: 'Bérégovoy',
        prenoms: 'Anne',
        date_naissance: '1990-01-02',
        lieu_naissance: 'Gien',
        profession: 'infirmière',
        domicile: 'Gien',
      },
    ];
    const refused = await err(c().call('etatCivil.saisir', { acteId: 1, acte, personnes, terminer: true }));
    expect(refused).toMatchObject({
      code: 'RULE',
      message: expect.stringContaining('Heure de l’événement (C. civ. art. 57)'),
    });
    expect(
      (
        await err(
          c().call('etatCivil.saisir', {
            acteId: 1,
            acte,
            personnes: [...personnes, { role: 'temoin', rang: 1, nom: 'X', prenoms: 'Y' }],
          }),
        )
      ).code,
    ).toBe('INVALID');
    expect(
      await ok(
        c().call('etatCivil.saisir', {
          acteId: 1,
          acte: { ...acte, heure_evenement: '08:15' },
          personnes,
          terminer: true,
        }),
      ),
    ).toEqual({ statut: 'saisi', manquants: [] });
    expect((await ok(c().call('etatCivil.search', { q: 'beregovoy' }))).rows.map((r) => r.id)).toEqual([1]);
  });

  it('journals every consultation of an act (who, when, which act)', async () => {
    const before = (
      db().prepare("SELECT count(*) AS n FROM journal WHERE action = 'etat-civil.acte.consulte'").get() as { n: number }
    ).n;
    const opened = await ok(c().call('etatCivil.acte', { acteId: 3 }));
    expect(opened.acte).toMatchObject({ titulaire: 'Paul LEFEBVRE', libelle: 'Décès' });
    expect(opened.mentionsRequises).toEqual([{ nature: 'deces', titulaireRang: 1, prevue: false }]);
    const line = db()
      .prepare("SELECT * FROM journal WHERE action = 'etat-civil.acte.consulte' ORDER BY id DESC LIMIT 1")
      .get() as { user_login: string; object_id: string; at: string; summary: string };
    expect(line).toMatchObject({
      user_login: 'secretaire',
      object_id: '3',
      at: '2026-11-23T09:00:00.000Z',
      summary: 'Consultation : acte de décès n° 1 de 1987',
    });
    expect(
      (
        db().prepare("SELECT count(*) AS n FROM journal WHERE action = 'etat-civil.acte.consulte'").get() as {
          n: number;
        }
      ).n,
    ).toBe(before + 1);
  });

  it('refuses a duplicate number, a future act, an act in the wrong register', async () => {
    expect(await err(c().call('etatCivil.createActe', { acte: naissance(1, 'X', 'Y') }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Le numéro 1 est déjà pris pour un acte de naissance de 2026.',
    });
    expect((await err(c().call('etatCivil.createActe', { acte: naissance(9, 'X', 'Y', '2026-12-01') }))).code).toBe(
      'INVALID',
    );
    const { registreId } = await ok(
      c().call('etatCivil.saveRegistre', { registreId: null, registre: { annee: 2025, type: 'naissance' } }),
    );
    expect(
      (await err(c().call('etatCivil.createActe', { acte: { ...naissance(9, 'X', 'Y'), registre_id: registreId } })))
        .code,
    ).toBe('RULE');
  });
});
