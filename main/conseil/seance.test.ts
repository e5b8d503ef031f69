import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { testCore, validAccount, validHoraires, validIdentity, type TestCore } from '../../test-support/helpers';
import { requireTool, toolMissing } from '../../test-support/support';

/** A council of 11 in office: the maire, 2 adjoints, 8 conseillers. */
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
  {
    civilite: 'Mme',
    nom: 'Le Gall',
    prenom: 'Gaëlle',
    fonction: 'adjoint',
    rang_adjoint: 2,
    mandat_debut: '2026-03-28',
    date_naissance: '1958-06-30',
  },
  ...[
    'M. Ménard Loïc',
    'M. Benoît François',
    'Mme Roux Cécile',
    'M. Dupont Jérôme',
    'Mme Martin Zoé',
    'Mme Petit Éloïse',
    'M. Moreau Mathéo',
    'M. Garnier Benoît',
  ].map((n, i) => ({
    civilite: n.split(' ')[0],
    nom: n.split(' ')[1],
    prenom: n.split(' ')[2],
    fonction: 'conseiller',
    mandat_debut: '2026-03-28',
    date_naissance: `19${60 + i}-05-10`,
  })),
];

// the generated PDFs are read back by qpdf and pdftotext: without them the test is reported skipped, with the reason
const noPoppler = toolMissing('pdftotext', 'qpdf');

async function setup(): Promise<TestCore & { elu: (nom: string) => number }> {
  const t = testCore();
  const r = await t.client.call('setup.createCommune', {
    identity: validIdentity,
    horaires: validHoraires,
    elus: conseil,
    account: validAccount,
  });
  if (!r.ok) throw new Error(r.error.message);
  const dossier = await t.client.call('commune.get');
  if (!dossier.ok) throw new Error('dossier');
  const ids = new Map(dossier.value.elus.map((e) => [e.nom, e.id]));
  return { ...t, elu: (nom) => ids.get(nom)! };
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Check a generated PDF with qpdf and read its text with pdftotext; the file is kept in test-results/pdfs/ to look at. */
function pdfText(base64: string, name = 'document'): string {
  const dir = path.join(__dirname, '../../test-results/pdfs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  execFileSync('qpdf', ['--check', file], { stdio: 'ignore' });
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

describe('a séance from the convocation to the registre', () => {
  it('refuses bad input with the rule, then runs the whole séance', async (ctx) => {
    requireTool(ctx, noPoppler);
    const t = await setup();
    const c = t.client;
    // Dates in the past are refused; so is a séance too soon for 3 jours francs when convoking.
    const past = await c.call('conseil.createSeance', {
      seance: { date: '2026-11-20', heure: '20:30', lieu: 'Salle du conseil', nature: 'ordinaire' },
    });
    expect(!past.ok && past.error.message).toMatch(/déjà passé/);
    const { seanceId } = await ok(
      c.call('conseil.createSeance', {
        seance: { date: '2026-11-27', heure: '20:30', lieu: 'Salle du conseil', nature: 'ordinaire' },
      }),
    );

    // No ordre du jour: no convocation (L2121-10).
    const empty = await c.call('conseil.recordEnvoi', {
      seanceId,
      envoi: { eluId: t.elu('Lefèvre'), mode: 'dematerialise', date: '2026-11-23' },
    });
    expect(!empty.ok && empty.error).toMatchObject({ code: 'RULE', message: expect.stringMatching(/L2121-10/) });

    const badMatiere = await c.call('conseil.savePoint', {
      seanceId,
      pointId: null,
      point: { titre: 'Budget', matiere: '7' },
    });
    expect(!badMatiere.ok && badMatiere.error.message).toMatch(/sous-matière/);
    const p1 = (
      await ok(
        c.call('conseil.savePoint', {
          seanceId,
          pointId: null,
          point: {
            titre: 'Décision modificative n° 2',
            matiere: '7.1',
            projet: 'Le conseil municipal approuve la décision modificative.',
          },
        }),
      )
    ).pointId;
    const p2 = (
      await ok(
        c.call('conseil.savePoint', {
          seanceId,
          pointId: null,
          point: { titre: 'Désignation du délégué au SIVOM', matiere: '5.3', scrutin: 'nomination' },
        }),
      )
    ).pointId;
    const p3 = (
      await ok(
        c.call('conseil.savePoint', {
          seanceId,
          pointId: null,
          point: { titre: 'Tarifs de la salle des fêtes', matiere: '7.10', scrutin: 'scrutin_public' },
        }),
      )
    ).pointId;
    const p4 = (
      await ok(
        c.call('conseil.savePoint', {
          seanceId,
          pointId: null,
          point: { titre: 'Subvention au comité des fêtes', matiere: '7.5' },
        }),
      )
    ).pointId;

    // Convocations on Monday 23 for Friday 27: 3 jours francs (24, 25, 26).
    const detail0 = await ok(c.call('conseil.seance', { seanceId }));
    expect(detail0.convocation.dernierJourEnvoi).toBe('2026-11-23');
    expect(detail0.convocation.aujourdhui?.ok).toBe(true);
    const pdf = await ok(c.call('conseil.convocationPdf', { seanceId, eluId: t.elu('Ménard') }));
    {
      const text = pdfText(pdf.base64, 'convocation');
      expect(text).toContain('M. Loïc Ménard');
      expect(text).toMatch(/le 27\/11\/2026 à 20:30,/);
      expect(text).toContain('3. Tarifs de la salle des fêtes');
    }
    for (const e of detail0.elus)
      await ok(
        c.call('conseil.recordEnvoi', {
          seanceId,
          envoi: { eluId: e.id, mode: e.nom === 'Ménard' ? 'papier' : 'dematerialise', date: '2026-11-23' },
        }),
      );
    await ok(c.call('conseil.recordAffichage', { seanceId, date: '2026-11-23' }));

    // Tuesday: too late to add an item (L2121-11).
    t.setNow('2026-11-24T09:00:00Z');
    const late = await c.call('conseil.savePoint', {
      seanceId,
      pointId: null,
      point: { titre: 'Point tardif', matiere: '9.1' },
    });
    expect(!late.ok && late.error).toMatchObject({ code: 'RULE', message: expect.stringMatching(/L2121-11/) });

    // The séance.
    t.setNow('2026-11-27T19:30:00Z');
    await ok(c.call('conseil.openSeance', { seanceId }));
    const absents = ['Martin', 'Petit', 'Moreau'];
    for (const e of detail0.elus)
      if (!absents.includes(e.nom))
        await ok(c.call('conseil.setPresence', { seanceId, presence: { eluId: e.id, statut: 'present' } }));
    await ok(c.call('conseil.setPresence', { seanceId, presence: { eluId: t.elu('Martin'), statut: 'excuse' } }));
    // A pouvoir to an absent élu, then a second pouvoir to the same mandataire: refused with the article.
    const toAbsent = await c.call('conseil.addPouvoir', {
      seanceId,
      pouvoir: { mandantId: t.elu('Martin'), mandataireId: t.elu('Petit'), signeLe: '2026-11-25' },
    });
    expect(!toAbsent.ok && toAbsent.error.message).toMatch(/n'est pas présent.*L2121-20/);
    await ok(
      c.call('conseil.addPouvoir', {
        seanceId,
        pouvoir: { mandantId: t.elu('Martin'), mandataireId: t.elu('Roux'), signeLe: '2026-11-25' },
      }),
    );
    const second = await c.call('conseil.addPouvoir', {
      seanceId,
      pouvoir: { mandantId: t.elu('Petit'), mandataireId: t.elu('Roux'), signeLe: '2026-11-25' },
    });
    expect(!second.ok && second.error.message).toMatch(
      /^art\. L2121-20 CGCT : Mme Cécile Roux porte déjà un pouvoir \(celui de Mme Zoé Martin\)/,
    );
    await ok(c.call('conseil.setSecretaires', { seanceId, eluIds: [t.elu('Chevalier')] }));

    // Point 1: 8 present + 1 proxy = 9 votants. Wrong totals, then right.
    const wrong = await c.call('conseil.vote', { pointId: p1, vote: { pour: 5, contre: 1, abstention: 1 } });
    expect(!wrong.ok && wrong.error.message).toMatch(/ne correspond pas au nombre de votants \(9\)/);
    const v1 = await ok(c.call('conseil.vote', { pointId: p1, vote: { pour: 7, contre: 1, abstention: 1 } }));
    expect(v1.numero).toBe('2026_001');
    expect(v1.message).toMatch(/^Adopté/);

    // Point 2: nomination by secret ballot; tie at round 3, the oldest wins (Gaëlle Le Gall, 1958).
    const r1 = await ok(
      c.call('conseil.nominationRound', {
        pointId: p2,
        round: {
          tour: 1,
          candidats: [
            { eluId: t.elu('Chevalier'), nom: 'Noël Chevalier', voix: 4 },
            { eluId: t.elu('Le Gall'), nom: 'Gaëlle Le Gall', voix: 4 },
          ],
          blancsNuls: 1,
        },
      }),
    );
    expect(r1.nextRound).toBe(2);
    await ok(
      c.call('conseil.nominationRound', {
        pointId: p2,
        round: {
          tour: 2,
          candidats: [
            { eluId: t.elu('Chevalier'), nom: 'Noël Chevalier', voix: 4 },
            { eluId: t.elu('Le Gall'), nom: 'Gaëlle Le Gall', voix: 4 },
          ],
          blancsNuls: 1,
        },
      }),
    );
    const r3 = await ok(
      c.call('conseil.nominationRound', {
        pointId: p2,
        round: {
          tour: 3,
          candidats: [
            { eluId: t.elu('Chevalier'), nom: 'Noël Chevalier', voix: 4 },
            { eluId: t.elu('Le Gall'), nom: 'Gaëlle Le Gall', voix: 4 },
          ],
          blancsNuls: 1,
        },
      }),
    );
    expect(r3.elected).toBe('Gaëlle Le Gall');
    expect(r3.message).toMatch(/le plus âgé/);

    // Point 3: scrutin public, named votes; the maire's casting vote on a tie.
    const detail1 = await ok(c.call('conseil.seance', { seanceId }));
    const pt3 = detail1.points.find((p) => p.id === p3)!;
    const voters = [
      ...pt3.situation!.attendance.presents,
      ...pt3.situation!.attendance.representes.map((r) => r.mandant),
    ];
    expect(voters).toHaveLength(9);
    const nominatif = voters.map((id, i) => ({
      eluId: id,
      choix: id === t.elu('Lefèvre') ? 'pour' : i % 2 ? 'contre' : 'pour',
    }));
    const pours = nominatif.filter((n) => n.choix === 'pour').length;
    const v3 = await ok(
      c.call('conseil.vote', { pointId: p3, vote: { pour: 0, contre: 0, abstention: 0, nominatif } }),
    );
    expect(v3.message).toMatch(pours > 9 - pours ? /^Adopté/ : /prépondérante/);

    // Two members leave: quorum (6 of 11) is lost for point 4; it is postponed and a reconvocation offered.
    await ok(
      c.call('conseil.addMouvement', { seanceId, mouvement: { eluId: t.elu('Dupont'), avantRang: 4, type: 'depart' } }),
    );
    await ok(
      c.call('conseil.addMouvement', { seanceId, mouvement: { eluId: t.elu('Benoît'), avantRang: 4, type: 'depart' } }),
    );
    await ok(
      c.call('conseil.addMouvement', {
        seanceId,
        mouvement: { eluId: t.elu('Garnier'), avantRang: 4, type: 'depart' },
      }),
    );
    const noQuorum = await c.call('conseil.vote', { pointId: p4, vote: { pour: 5, contre: 0, abstention: 0 } });
    expect(!noQuorum.ok && noQuorum.error).toMatchObject({
      code: 'RULE',
      message: expect.stringMatching(
        /Quorum non atteint : 5 présents sur 11 en exercice, il en faut au moins 6.*L2121-17.*3 jours/,
      ),
    });
    await ok(c.call('conseil.reporterPoint', { pointId: p4, motif: 'quorum non atteint' }));
    await ok(c.call('conseil.closeSeance', { seanceId }));

    // After the séance: liste (L2121-25), délibération PDF, publication and exécutoire.
    const liste = await ok(c.call('conseil.publishListe', { seanceId, date: '2026-11-27' }));
    expect(liste.message).toMatch(/dans le délai d'une semaine/);
    expect(pdfText(liste.base64, 'liste-deliberations')).toMatch(/2026_001\s+Décision modificative n° 2\s+Adoptée/);
    const delibs = await ok(c.call('conseil.deliberations', {}));
    expect(delibs.rows.map((d) => d.numero).sort()).toEqual(['2026_001', '2026_002', '2026_003']);
    const d1 = delibs.rows.find((d) => d.numero === '2026_001')!;
    expect(d1.executoire.executoire).toBe(false);
    {
      const text = pdfText(
        (await ok(c.call('documents.get', { sha256: d1.pdf_sha256! }))).base64,
        'deliberation-2026_001',
      );
      expect(text).toMatch(/Délibération n°\s*:\s*2026_001/);
      expect(text).toMatch(/Conseillers en exercice\s*:\s*11/);
      expect(text).toMatch(/Votants\s*:\s*9 \(dont 1 par pouvoir\)/);
      expect(text).toContain('Pour extrait conforme');
      expect(text).toMatch(/Mme Zoé Martin \(pouvoir à Mme Cécile Roux\)/);
    }
    const published = await ok(
      c.call('conseil.publishDeliberation', {
        deliberationId: d1.id,
        debut: '2026-11-27',
        confirm: true,
        confirmNonSignee: true,
      }),
    );
    expect(published.publication_fin).toBe('2027-01-27');
    expect(published.executoire.raisons.join(' ')).toMatch(/transmission obligatoire/);

    // An adopted délibération cannot be edited: the database itself refuses.
    const { db } = t.core.communes.get(t.core.workspace.prepare('SELECT id FROM commune_ref').pluck().get() as string);
    expect(() => db.prepare("UPDATE deliberation SET objet = 'autre' WHERE id = ?").run(d1.id)).toThrow(
      /deliberation_immuable/,
    );

    // Reconvocation: at least 3 days later, the postponed item, no quorum needed.
    const tooSoon = await c.call('conseil.createSeance', {
      seance: {
        date: '2026-11-29',
        heure: '20:30',
        lieu: 'Salle du conseil',
        nature: 'ordinaire',
        reconvocation_de: seanceId,
      },
    });
    expect(!tooSoon.ok && tooSoon.error.message).toMatch(/L2121-17.*lundi 30\/11\/2026/);
    const { seanceId: s2 } = await ok(
      c.call('conseil.createSeance', {
        seance: {
          date: '2026-12-04',
          heure: '20:30',
          lieu: 'Salle du conseil',
          nature: 'ordinaire',
          reconvocation_de: seanceId,
        },
      }),
    );
    const d2 = await ok(c.call('conseil.seance', { seanceId: s2 }));
    expect(d2.points.map((p) => p.titre)).toEqual(['Subvention au comité des fêtes']);

    // Dashboard: the PV to have arrêté at the next séance.
    const dash = await ok(c.call('dashboard.get'));
    expect(dash.todos.map((x) => x.title)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/procès-verbal de la séance du vendredi 27\/11\/2026/),
        expect.stringMatching(/Envoyer les convocations de la séance du vendredi 04\/12\/2026/),
      ]),
    );

    // Registre of the year.
    const registre = await ok(c.call('conseil.registre', { annee: 2026 }));
    expect(registre.deliberations).toBe(3);
    {
      const text = pdfText(registre.base64, 'registre-2026');
      expect(text).toMatch(/Feuillet de clôture/);
      expect(text).toMatch(/Table par objet/);
      expect(text).toMatch(/Feuillet n° 1/);
      expect(text).toMatch(/R2121-9/);
    }
    t.close();
  });
});
