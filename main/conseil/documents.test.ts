import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { testCore, validAccount, validHoraires, validIdentity } from '../../test-support/helpers';
import { pvPdf } from './pv-pdf';
import { getSeance } from './seances';

/**
 * The official documents of a whole evening, read back with pdftotext: a nomination printed as a nomination,
 * agreement from each élu's civilité and number, French collation, dates jj/mm/aaaa, 24-hour times, matière
 * labels with accents, scrutin public names, arrivals / departures / intéressés in the PV.
 */
const elu = (civilite: string, prenom: string, nom: string, fonction: string, rang?: number) => ({
  civilite,
  prenom,
  nom,
  fonction,
  ...(rang ? { rang_adjoint: rang } : {}),
  mandat_debut: '2026-03-28',
  date_naissance: '1965-01-01',
});
const conseil = [
  elu('Mme', 'Hélène', 'Lefèvre', 'maire'),
  elu('Mme', 'Françoise', 'Hamel', 'adjoint', 1),
  elu('M.', 'Noël', 'Chevalier', 'adjoint', 2),
  elu('Mme', 'Odile', 'Guérin', 'conseiller'),
  elu('M.', 'Jean', 'Leroux', 'conseiller'),
  elu('M.', 'Paul', 'Lécuyer', 'conseiller'),
  elu('M.', 'François', 'Benoît', 'conseiller'),
  elu('Mme', 'Cécile', 'Roux', 'conseiller'),
  elu('M.', 'Jérôme', 'Dupont', 'conseiller'),
  elu('Mme', 'Zoé', 'Martin', 'conseiller'),
  elu('M.', 'Bruno', 'Garnier', 'conseiller'),
];

const popplerMissing = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'pdftotext (poppler-utils) est absent : les documents officiels ne peuvent pas être relus';
  }
})();
if (popplerMissing) console.warn(`[conseil] documents tests skipped: ${popplerMissing}`);

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function pdfText(bytes: Uint8Array | string, name: string): string {
  const dir = path.join(__dirname, '../../test-results/pdfs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : bytes);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

const noDoubtfulAgreement = (text: string) => expect(text).not.toMatch(/\((?:s|e|es)\)/);
/** Dates print jj/mm/aaaa and hours 24 h, never « vendredi 27 novembre 2026 » nor « 20 h 30 » (issue 10). */
const noLongDate = (text: string) =>
  expect(text).not.toMatch(
    /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b|\d h \d/,
  );

describe.skipIf(popplerMissing)('official documents of a séance, read back with pdftotext', () => {
  it('prints the nomination, the votes with agreement, the names in French order, the PV movements', async () => {
    const t = testCore();
    const c = t.client;
    await ok(
      c.call('setup.createCommune', {
        identity: validIdentity,
        horaires: validHoraires,
        elus: conseil,
        account: validAccount,
      }),
    );
    const dossier = await ok(c.call('commune.get'));
    const id = (nom: string) => dossier.elus.find((e) => e.nom === nom)!.id;

    const { seanceId } = await ok(
      c.call('conseil.createSeance', {
        seance: { date: '2026-11-27', heure: '20:30', lieu: 'Salle du conseil', nature: 'ordinaire' },
      }),
    );
    const p1 = (
      await ok(
        c.call('conseil.savePoint', {
          seanceId,
          pointId: null,
          point: { titre: 'Décision modificative n° 2', matiere: '7.1', projet: 'Le conseil approuve.' },
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
          point: { titre: 'Subvention à l’association des parents', matiere: '7.5', scrutin: 'scrutin_public' },
        }),
      )
    ).pointId;
    const convocation = await ok(c.call('conseil.convocationPdf', { seanceId, eluId: id('Hamel') }));
    const convText = pdfText(convocation.base64, 'docs-convocation-hamel');
    expect(convText).toContain('Mme Françoise Hamel, adjointe');
    expect(convText).toMatch(/séance du 27\/11\/2026/);
    expect(convText).toContain('qui se tiendra le 27/11/2026 à 20:30, Salle du conseil.');
    noLongDate(convText);
    const detail0 = await ok(c.call('conseil.seance', { seanceId }));
    // The window lists the conseillers in French order (Lécuyer before Leroux), after the maire and adjoints.
    const order = detail0.elus.map((e) => e.nom);
    expect(order.slice(0, 3)).toEqual(['Lefèvre', 'Hamel', 'Chevalier']);
    expect(order.indexOf('Lécuyer')).toBeLessThan(order.indexOf('Leroux'));
    for (const e of detail0.elus)
      await ok(
        c.call('conseil.recordEnvoi', { seanceId, envoi: { eluId: e.id, mode: 'dematerialise', date: '2026-11-23' } }),
      );
    await ok(c.call('conseil.recordAffichage', { seanceId, date: '2026-11-23' }));

    t.setNow('2026-11-27T19:30:00Z');
    await ok(c.call('conseil.openSeance', { seanceId }));
    for (const e of detail0.elus)
      if (!['Martin', 'Leroux'].includes(e.nom))
        await ok(c.call('conseil.setPresence', { seanceId, presence: { eluId: e.id, statut: 'present' } }));
    await ok(c.call('conseil.setPresence', { seanceId, presence: { eluId: id('Martin'), statut: 'excuse' } }));
    await ok(c.call('conseil.setPresence', { seanceId, presence: { eluId: id('Leroux'), statut: 'absent' } }));
    await ok(c.call('conseil.setSecretaires', { seanceId, eluIds: [id('Guérin')] }));

    // Point 1: 9 présents, 8 pour, 1 abstention.
    await ok(c.call('conseil.vote', { pointId: p1, vote: { pour: 8, contre: 0, abstention: 1 } }));
    // Point 2: M. Leroux arrives; 10 votants; Mme Hamel 7 voix, M. Chevalier 2 voix, 1 blanc.
    await ok(
      c.call('conseil.addMouvement', { seanceId, mouvement: { eluId: id('Leroux'), avantRang: 2, type: 'arrivee' } }),
    );
    const r1 = await ok(
      c.call('conseil.nominationRound', {
        pointId: p2,
        round: {
          tour: 1,
          candidats: [
            { eluId: id('Hamel'), nom: 'Françoise Hamel', voix: 7 },
            { eluId: id('Chevalier'), nom: 'Noël Chevalier', voix: 2 },
          ],
          blancsNuls: 1,
        },
      }),
    );
    expect(r1.message).toMatch(/^Françoise Hamel est élue au 1er tour/);
    // Point 3: M. Benoît leaves, Mme Hamel is intéressée: 8 votants, scrutin public, 2 abstentions.
    await ok(
      c.call('conseil.addMouvement', { seanceId, mouvement: { eluId: id('Benoît'), avantRang: 3, type: 'depart' } }),
    );
    await ok(c.call('conseil.setInteresses', { pointId: p3, eluIds: [id('Hamel')] }));
    const d3 = await ok(c.call('conseil.seance', { seanceId }));
    const voters = (() => {
      const a = d3.points.find((p) => p.id === p3)!.situation!.attendance;
      return [...a.presents, ...a.representes.map((r) => r.mandant)];
    })();
    expect(voters).toHaveLength(8);
    const choix = (eluId: number) =>
      eluId === id('Garnier') ? 'contre' : eluId === id('Lécuyer') || eluId === id('Leroux') ? 'abstention' : 'pour';
    await ok(
      c.call('conseil.vote', {
        pointId: p3,
        vote: { pour: 0, contre: 0, abstention: 0, nominatif: voters.map((eluId) => ({ eluId, choix: choix(eluId) })) },
      }),
    );
    await ok(c.call('conseil.closeSeance', { seanceId }));

    const rows = (await ok(c.call('conseil.deliberations', {}))).rows;
    const text = async (numero: string) =>
      pdfText(
        (await ok(c.call('documents.get', { sha256: rows.find((d) => d.numero === numero)!.pdf_sha256! }))).base64,
        `docs-deliberation-${numero}`,
      );

    const t1 = await text('2026_001');
    expect(t1).toContain('Vote : 8 pour, 0 contre, 1 abstention.');
    expect(t1).toContain('Matière (classification ACTES) : 7.1 — Finances locales › Décisions budgétaires');
    expect(t1).toContain('Secrétaire de séance : Mme Odile Guérin');
    expect(t1).toContain('La secrétaire de séance');
    expect(t1).toContain('La présidente de séance');
    expect(t1).toMatch(/séance du 27\/11\/2026/);
    expect(t1).toContain('Séance du 27/11/2026 à 20:30, Salle du conseil');
    expect(t1).toMatch(/Fait à [^,]+, le 27\/11\/2026\./);
    noLongDate(t1);
    expect(t1).toContain('Absents ou excusés : M. Jean Leroux, Mme Zoé Martin'); // by name, French order
    noDoubtfulAgreement(t1);

    const t2 = await text('2026_002');
    expect(t2).toContain('Élection au scrutin secret (art. L2121-21 CGCT).');
    expect(t2).toContain(
      '1er tour — votants : 10 ; bulletins blancs ou nuls : 1 ; suffrages exprimés : 9 ; majorité absolue : 5 voix.',
    );
    expect(t2).toContain('Françoise Hamel : 7 voix ; Noël Chevalier : 2 voix.');
    expect(t2).toContain(
      'Françoise Hamel est désignée au 1er tour à la majorité absolue, avec 7 voix sur 9 suffrages exprimés (art. L2121-21 CGCT).',
    );
    expect(t2).not.toMatch(/Vote : \d+ pour/);
    expect(t2).toContain('5.3 — Institutions et vie politique › Désignation de représentants');
    const presents = /Présents : ([^:]*) Absents/.exec(t2)?.[1] ?? '';
    expect(presents.indexOf('Lécuyer')).toBeGreaterThan(-1);
    expect(presents.indexOf('Lécuyer')).toBeLessThan(presents.indexOf('Leroux'));
    noDoubtfulAgreement(t2);

    const t3 = await text('2026_003');
    expect(t3).toContain('Vote : 5 pour, 1 contre, 2 abstentions.');
    expect(t3).toContain('Ont voté pour (5)');
    expect(t3).toContain('A voté contre (1) : M. Bruno Garnier.');
    expect(t3).toContain('Abstentions (2) : M. Paul Lécuyer, M. Jean Leroux.');
    expect(t3).toMatch(/Ne prennent pas part au vote \(art\. L2131-11 CGCT\) : Mme Françoise Hamel/);
    noDoubtfulAgreement(t3);

    const registre = pdfText((await ok(c.call('conseil.registre', { annee: 2026 }))).base64, 'docs-registre-2026');
    expect(registre).toContain('Françoise Hamel est désignée au 1er tour');
    expect(registre).toContain('majorité absolue : 5 voix');
    expect(registre).toContain('1 abstention.');
    expect(registre).toContain('2 abstentions.');
    expect(registre).toContain('La secrétaire de séance');
    expect(registre).toContain('Séance du 27/11/2026 à 20:30');
    noLongDate(registre);
    noDoubtfulAgreement(registre);

    const { db } = t.core.communes.get(t.core.workspace.prepare('SELECT id FROM commune_ref').pluck().get() as string);
    const pv = pdfText(await pvPdf(db, getSeance(db, seanceId), 'Débats.', '2026-12-11'), 'docs-pv');
    expect(pv).toContain('M. Jean Leroux est arrivé avant l’examen du point 2.');
    expect(pv).toContain('M. François Benoît a quitté la séance avant l’examen du point 3.');
    expect(pv).toContain(
      'Intéressée à l’affaire, a quitté la salle et n’a pas pris part au vote (art. L2131-11 CGCT) : Mme Françoise Hamel.',
    );
    expect(pv).toContain('Mme Zoé Martin (excusée)');
    expect(pv).toContain('Françoise Hamel est désignée au 1er tour');
    expect(pv).toContain('Abstentions (2) : M. Paul Lécuyer, M. Jean Leroux.');
    expect(pv).toContain('Secrétaire de séance : Mme Odile Guérin');
    expect(pv).toContain('Séance du 27/11/2026 à 20:30, Salle du conseil.');
    expect(pv).toContain('Procès-verbal arrêté en séance du 11/12/2026.');
    noLongDate(pv);
    noDoubtfulAgreement(pv);
    t.close();
  });
});
