/** Mentions marginales and avis de mention through the real core (C. civ. art. 49). */
import { MONTH_WORD } from '../../test-support/dates';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { err, naissance, ok, pdfText, popplerMissing } from '../../test-support/etat-civil-client';

if (popplerMissing) console.warn(`[etat-civil] ${popplerMissing}`);

describe('mentions and avis de mention', () => {
  let t: TestCore & { communeId: string };
  const c = () => t.client;
  const db = () => t.core.communes.get(t.communeId).db;
  const todos = () =>
    db()
      .prepare("SELECT title, due_date, legal_ref FROM todo WHERE object_type LIKE 'etat-civil.%' ORDER BY id")
      .all() as { title: string; due_date: string; legal_ref: string }[];
  let birth: number, death: number;

  beforeAll(async () => {
    t = await withCommune();
    birth = (
      await ok(c().call('etatCivil.createActe', { acte: { ...naissance(4, 'Roux', 'Jean', '1950-02-03'), sexe: 'M' } }))
    ).acteId;
    death = (
      await ok(
        c().call('etatCivil.createActe', {
          acte: {
            type: 'deces',
            numero: 7,
            date_acte: '2026-11-23',
            date_evenement: '2026-11-22',
            lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
            nom: 'Roux',
            prenoms: 'Jean',
            sexe: 'M',
          },
        }),
      )
    ).acteId;
  });
  afterAll(() => t.close());

  it('a death drawn up here puts « mention à apposer » on the birth act held here, due in 3 days', async () => {
    const { mentionId } = await ok(
      c().call('etatCivil.prevoirMention', { acteId: death, cible: { titulaireRang: 1, acteId: birth } }),
    );
    const m = db().prepare('SELECT * FROM ec_mention WHERE id = ?').get(mentionId) as {
      texte: string;
      echeance: string;
      statut: string;
    };
    expect(m).toMatchObject({
      texte: 'Décédé à Saint-Benoît-sur-Loire (Loiret) le 22/11/2026.',
      echeance: '2026-11-26',
      statut: 'brouillon',
    });
    expect(todos()).toEqual([
      {
        title: 'Apposer la mention de décès en marge de l’acte de naissance n° 4 de 1950',
        due_date: '2026-11-26',
        legal_ref: 'C. civ. art. 49',
      },
    ]);
    expect(
      (await err(c().call('etatCivil.prevoirMention', { acteId: death, cible: { titulaireRang: 1, acteId: birth } })))
        .code,
    ).toBe('CONFLICT');
    // overdue on the 27th: the dashboard shows it (in red) with the article
    t.setNow('2026-11-27T09:00:00Z');
    const dash = await ok(c().call('dashboard.get'));
    expect(JSON.stringify(dash)).toContain('Apposer la mention de décès');
    t.setNow('2026-11-23T09:00:00Z');
  });

  it('a draft is editable; validated, it is immutable and a correction is a new mention', async () => {
    const m = db().prepare('SELECT id FROM ec_mention WHERE acte_id = ?').get(birth) as { id: number };
    const edited = {
      nature: 'deces' as const,
      date: '2026-11-22',
      lieu: 'Saint-Benoît-sur-Loire (Loiret)',
      texte: 'Décédé à Saint-Benoît-sur-Loire (Loiret) le 22/11/2026 à 3 h 00.',
    };
    await ok(c().call('etatCivil.saveMention', { acteId: birth, mentionId: m.id, mention: edited }));
    await ok(c().call('etatCivil.validateMention', { mentionId: m.id }));
    const v = db().prepare('SELECT * FROM ec_mention WHERE id = ?').get(m.id) as {
      texte: string;
      statut: string;
      appliquee_le: string;
      officier: string;
    };
    expect(v).toMatchObject({
      texte: edited.texte,
      statut: 'validee',
      appliquee_le: '2026-11-23',
      officier: 'Martine Roux, Secrétaire de mairie',
    });
    expect(
      await err(c().call('etatCivil.saveMention', { acteId: birth, mentionId: m.id, mention: edited })),
    ).toMatchObject({ code: 'RULE', message: expect.stringContaining('mention rectificative') });
    expect(() => db().prepare("UPDATE ec_mention SET texte = 'x' WHERE id = ?").run(m.id)).toThrow(
      /mention_validee_immuable/,
    );
    expect(() => db().prepare('DELETE FROM ec_mention WHERE id = ?').run(m.id)).toThrow(/mention_validee_immuable/);
    expect(todos()).toEqual([]);
    const rect = {
      nature: 'rectification' as const,
      date: '2026-11-24',
      autorite: { kind: 'procureur' as const, tribunal: 'Orléans' },
      objet: 'lire « 22 novembre » au lieu de « 21 novembre »',
    };
    await ok(c().call('etatCivil.saveMention', { acteId: birth, mentionId: null, mention: rect }));
    expect(
      (
        await err(
          c().call('etatCivil.saveMention', {
            acteId: birth,
            mentionId: null,
            mention: { nature: 'mariage', date: '2026-01-01' },
          }),
        )
      ).message,
    ).toBe('Mariage : lieu manquant(e).');
  });

  it.skipIf(popplerMissing)('an avis to another commune: letter, sent, récépissé kept 10 years', async () => {
    const mariage = (
      await ok(
        c().call('etatCivil.createActe', {
          acte: {
            type: 'mariage',
            numero: 3,
            date_acte: '2026-11-21',
            date_evenement: '2026-11-21',
            lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
            nom: 'Girard',
            prenoms: 'Luc',
            nom_conjoint: 'Petit',
            prenoms_conjoint: 'Anne',
          },
        }),
      )
    ).acteId;
    expect(
      (
        await err(
          c().call('etatCivil.prevoirMention', {
            acteId: mariage,
            cible: { titulaireRang: 2, commune: 'Gien', acteVise: 'n° 12' },
          }),
        )
      ).message,
    ).toMatch(/Mariée/);
    const { avisId } = await ok(
      c().call('etatCivil.prevoirMention', {
        acteId: mariage,
        cible: {
          titulaireRang: 2,
          commune: 'Gien (Loiret)',
          acteVise: 'Acte de naissance n° 12 de 1995, Anne PETIT',
          sexe: 'F',
        },
      }),
    );
    expect(todos()).toEqual([
      { title: 'Envoyer l’avis de mention (mariage)', due_date: '2026-11-24', legal_ref: 'C. civ. art. 49' },
    ]);
    const letter = await ok(c().call('etatCivil.avisPdf', { avisId: avisId! }));
    const text = pdfText(letter.base64, 'avis-de-mention').replace(/\s+/g, ' ');
    expect(text).toContain('Avis de mention');
    expect(text).toContain('officier de l’état civil de Gien (Loiret)');
    expect(text).toContain('Mariée à Saint-Benoît-sur-Loire (Loiret) le 21/11/2026 avec Luc GIRARD.');
    expect(text).toContain('Fait à Saint-Benoît-sur-Loire, le 23/11/2026');
    expect(text, 'the avis prints its dates jj/mm/aaaa').not.toMatch(MONTH_WORD);
    expect((await err(c().call('etatCivil.avisRecepisse', { avisId: avisId!, date: '2026-11-23' }))).message).toBe(
      'Notez d’abord l’envoi de l’avis.',
    );
    await ok(c().call('etatCivil.avisEnvoye', { avisId: avisId!, date: '2026-11-23' }));
    expect(todos()).toEqual([
      {
        title: 'Relancer : récépissé de l’avis de mention non reçu (mariage)',
        due_date: '2027-01-22',
        legal_ref: 'IGREC n° 229-1',
      },
    ]);
    expect(await ok(c().call('etatCivil.avisRecepisse', { avisId: avisId!, date: '2026-11-23' }))).toEqual({
      conserverJusquAu: '2036-11-23',
    });
    expect(todos()).toEqual([]);
  });

  it.skipIf(popplerMissing)('an incoming avis: queued, applied as a mention, récépissé sent back', async () => {
    const { avisId } = await ok(
      c().call('etatCivil.avisEntrant', {
        commune: 'Orléans (Loiret)',
        acteVise: 'Acte de naissance n° 4 de 1950, Jean ROUX',
        recu_le: '2026-11-23',
        mention: {
          nature: 'pacs',
          date: '2020-05-04',
          autre: { prenoms: 'Léa', nom: 'Blanc' },
          autorite: { kind: 'notaire', nom: 'Claire Dubois', office: 'Orléans', crpcen: '45012' },
        },
      }),
    );
    expect(todos().map((x) => x.title)).toEqual(['Apposer la mention reçue de Orléans (Loiret) (pacs)']);
    expect((await err(c().call('etatCivil.recepissePdf', { avisId }))).code).toBe('RULE');
    const { mentionId } = await ok(c().call('etatCivil.avisAppliquer', { avisId, acteId: birth }));
    await ok(c().call('etatCivil.validateMention', { mentionId }));
    expect(todos().map((x) => x.title)).toEqual([
      'Envoyer le récépissé de l’avis de mention à Orléans (Loiret) (pacs)',
    ]);
    const r = await ok(c().call('etatCivil.recepissePdf', { avisId }));
    const recepisse = pdfText(r.base64, 'recepisse-avis').replace(/\s+/g, ' ');
    expect(recepisse).toContain('enregistré le 04/05/2020 par Maître Claire Dubois, notaire à Orléans (CRPCEN 45012).');
    expect(recepisse).toContain('avis de mention reçu le 23/11/2026. La mention suivante a été apposée le 23/11/2026');
    expect(recepisse, 'the récépissé prints its dates jj/mm/aaaa').not.toMatch(MONTH_WORD);
    expect(db().prepare('SELECT recepisse_le, conserver_jusqu_au FROM ec_avis WHERE id = ?').get(avisId)).toEqual({
      recepisse_le: '2026-11-23',
      conserver_jusqu_au: '2036-11-23',
    });
    expect(todos()).toEqual([]);
  });
});
