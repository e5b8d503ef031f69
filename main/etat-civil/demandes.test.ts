/**
 * The counter through the real core (issue 12, « Done when » at the core level): the son, the cousin, the
 * plurilingue of a marriage with its divorce, the postal request missing the parents' names; an act only
 * indexed; the dashboard. Rights and guards: demandes-rights.test.ts.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { accountAs, err, ok } from '../../test-support/etat-civil-client';
import { requireTool, toolMissing } from '../../test-support/support';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demande, seedGuichet, type Guichet } from '../../test-support/etat-civil-demandes';

describe('the counter: requests for copies and extracts', () => {
  let t: TestCore & { communeId: string };
  let g: Guichet;
  let maireId: number;
  const c = () => t.client;
  const db = () => t.core.communes.get(t.communeId).db;
  const journal = (action: string) =>
    db().prepare('SELECT summary FROM journal WHERE action = ? ORDER BY id').pluck().all(action) as string[];
  const todos = () =>
    db().prepare("SELECT title, legal_ref FROM todo WHERE object_type = 'etat-civil.demande' ORDER BY id").all() as {
      title: string;
      legal_ref: string;
    }[];
  /** what the scenarios printed, read back at the end with pdftotext and qpdf */
  const printed = new Map<string, string>();

  beforeAll(async () => {
    t = await withCommune();
    g = await seedGuichet(c());
    maireId = (await ok(c().call('commune.get'))).elus.find((e) => e.fonction === 'maire' && !e.mandat_fin)!.id;
  });
  afterAll(() => t.close());

  it('a son asks at the guichet for the copie intégrale of his father’s birth act: granted, produced, handed over', async () => {
    const d = await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant') }));
    expect(d).toMatchObject({
      reference: '2026-1',
      statut: 'a_produire',
      decision: { outcome: 'granted', certifiee: true },
    });
    expect(d.decision!.motif).toContain('art. 30');
    // the secrétaire holds no délégation R2122-10: she names the officier who signs (décret 2017-890 art. 27)
    expect(await err(c().call('etatCivil.demande.produce', { demandeId: d.id }))).toMatchObject({
      code: 'RULE',
      message: expect.stringContaining('R2122-10'),
    });
    const officiers = await ok(c().call('etatCivil.demande.officiers', {}));
    expect(officiers.map((o) => o.qualite)).toEqual([
      'Maire, officier de l’état civil',
      'Adjoint au maire, officier de l’état civil',
    ]);
    const out = await ok(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: maireId } }));
    expect(out.demande).toMatchObject({
      statut: 'produite',
      produiteLe: '2026-11-23',
      officier: { nom: 'Mme Hélène Lefèvre', qualite: 'Maire, officier de l’état civil' },
    });
    expect(out.demande.pieces).toEqual([
      expect.objectContaining({
        nature: 'document',
        officier: 'Mme Hélène Lefèvre, Maire, officier de l’état civil',
        created_by: expect.any(String),
      }),
    ]);
    printed.set('fils-copie-integrale', out.base64);
    expect(journal('etat-civil.demande.produite')).toEqual([
      'Demande n° 2026-1 : Copie intégrale de l’acte de naissance n° 12 de 1960 délivrée en 1 exemplaire par Mme Hélène Lefèvre, Maire, officier de l’état civil',
    ]);
    expect(todos()).toEqual([
      {
        title: 'Demande n° 2026-1 : remettre la copie intégrale de l’acte de naissance n° 12 de 1960 au guichet',
        legal_ref: 'Décret 2017-890 art. 27',
      },
    ]);
    expect((await ok(c().call('dashboard.get'))).etatCivilDelivreesCeMois).toBe(0);
    await ok(c().call('etatCivil.demande.remise', { demandeId: d.id, mode: 'remise', date: '2026-11-23' }));
    expect((await ok(c().call('dashboard.get'))).etatCivilDelivreesCeMois).toBe(1);
    t.setNow('2026-12-01T09:00:00Z'); // a new month starts the count again
    expect((await ok(c().call('dashboard.get'))).etatCivilDelivreesCeMois).toBe(0);
    t.setNow('2026-11-23T09:00:00Z');
    expect(todos()).toEqual([]);
    // the stored PDF is printed again as it was, never regenerated
    const again = await ok(c().call('etatCivil.demande.piece', { demandeId: d.id, pieceId: out.pieceId }));
    expect(again.base64).toBe(out.base64);
  });

  it('a cousin asks for the same: copie intégrale and extrait avec filiation refused, extrait sans filiation offered and produced', async () => {
    const maire = await accountAs(t, 'maire', 'Hélène Lefèvre', 'maire', maireId);
    const ci = await ok(
      maire.call('etatCivil.demande.create', {
        demande: demande(g.pere, 'tiers', {
          demandeur: { nom: 'Morin', prenoms: 'Julie', civilite: 'Mme', adresse: null, qualite: 'tiers' },
        }),
      }),
    );
    expect(ci).toMatchObject({
      statut: 'recue',
      decision: {
        outcome: 'refused',
        proposer: expect.arrayContaining([expect.objectContaining({ document: 'extrait_sans_filiation' })]),
      },
    });
    expect(ci.decision!.motif).toMatch(/art\. 30/);
    const eaf = await ok(
      maire.call('etatCivil.demande.update', {
        demandeId: ci.id,
        demande: { ...demande(g.pere, 'tiers'), document: 'extrait_avec_filiation' },
      }),
    );
    expect(eaf.decision!.outcome).toBe('refused');
    expect(await err(maire.call('etatCivil.demande.produce', { demandeId: ci.id }))).toMatchObject({
      code: 'RULE',
      message: expect.stringContaining('n’est pas accordée'),
    });
    const esf = await ok(
      maire.call('etatCivil.demande.update', {
        demandeId: ci.id,
        demande: { ...demande(g.pere, 'tiers'), document: 'extrait_sans_filiation' },
      }),
    );
    expect(esf).toMatchObject({
      statut: 'a_produire',
      decision: { outcome: 'granted', document: 'extrait_sans_filiation' },
    });
    // French agreement in « À faire »: « l’extrait », never « la extrait »
    expect(todos()).toContainEqual(
      expect.objectContaining({
        title: expect.stringMatching(/ : produire l’extrait sans filiation de l’acte de naissance n° /),
      }),
    );
    // the maire is officier herself: the document is issued in her name, whatever a window would send
    expect(
      await err(maire.call('etatCivil.demande.produce', { demandeId: ci.id, officier: { eluId: maireId + 1 } })),
    ).toMatchObject({ code: 'RULE', message: expect.stringContaining('sous votre nom') });
    const out = await ok(maire.call('etatCivil.demande.produce', { demandeId: ci.id }));
    expect(out.demande).toMatchObject({ statut: 'produite', officier: { qualite: 'Maire, officier de l’état civil' } });
    printed.set('cousin-esf', out.base64);
    const decisions = journal('etat-civil.demande.decision').filter((s) => s.startsWith('Demande n° 2026-2 '));
    expect(decisions.map((s) => s.split(' (')[0])).toEqual([
      'Demande n° 2026-2 : refusée',
      'Demande n° 2026-2 : refusée',
      'Demande n° 2026-2 : accordée',
    ]);
  });

  it('an extrait plurilingue of a marriage with a divorce mention, for one of the spouses', async () => {
    const v = demande(g.mariage, 'personne_elle_meme', {
      acteType: 'mariage',
      document: 'extrait_plurilingue',
      exemplaires: 2,
      demandeur: {
        nom: 'Girard',
        prenoms: 'Luc',
        civilite: 'M.',
        adresse: null,
        qualite: 'personne_elle_meme',
        majeurOuEmancipe: true,
      },
      renseignements: {
        nom: 'Girard',
        prenoms: 'Luc',
        dateNaissance: '1960-01-10',
        lieuNaissance: 'Gien',
        parent1Nom: 'Girard',
        parent1Prenoms: 'Henri',
        parent2Nom: 'Leroy',
        parent2Prenoms: 'Marthe',
        dateEvenement: '1985-06-15',
        lieuEvenement: 'Saint-Benoît-sur-Loire',
      },
    });
    const d = await ok(c().call('etatCivil.demande.create', { demande: v }));
    expect(d.decision).toMatchObject({ outcome: 'granted', document: 'extrait_plurilingue' });
    const out = await ok(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: maireId } }));
    expect(out.demande.pieces[0]).toMatchObject({ nature: 'document' });
    const pdf = await PDFDocument.load(Buffer.from(out.base64, 'base64'));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2); // two copies asked, printed one after the other
    printed.set('plurilingue-mariage', out.base64);
  });

  it('a postal request missing the parents’ names: complément letter, the request waits', async () => {
    const v = demande(g.pere, 'descendant', {
      canal: 'courrier',
      livraison: 'envoi_postal',
      renseignements: {
        nom: 'Roux',
        prenoms: 'Jean Pierre',
        dateNaissance: '1960-03-14',
        lieuNaissance: 'Saint-Benoît-sur-Loire',
      },
    });
    const d = await ok(c().call('etatCivil.demande.create', { demande: v }));
    expect(d).toMatchObject({ statut: 'recue', decision: { outcome: 'incomplete' } });
    expect((d.decision as Extract<typeof d.decision, { outcome: 'incomplete' }>).manquants.map((m) => m.champ)).toEqual(
      ['parent1_nom', 'parent1_prenoms', 'parent2_nom', 'parent2_prenoms'],
    );
    expect(todos()).toContainEqual({
      title:
        'Demande n° 2026-4 : demander les renseignements manquants (la copie intégrale de l’acte de naissance n° 12 de 1960)',
      legal_ref: 'Décret 2017-890 art. 30',
    });
    expect(await err(c().call('etatCivil.demande.lettre', { demandeId: d.id, lettre: 'refus' }))).toMatchObject({
      code: 'RULE',
    });
    const lettre = await ok(c().call('etatCivil.demande.lettre', { demandeId: d.id, lettre: 'complement' }));
    expect(lettre.demande).toMatchObject({
      statut: 'incomplete',
      pieces: [expect.objectContaining({ nature: 'lettre_complement' })],
    });
    printed.set('complement', lettre.base64);
    expect(todos()).toContainEqual({
      title:
        'Demande n° 2026-4 : en attente du complément demandé (la copie intégrale de l’acte de naissance n° 12 de 1960)',
      legal_ref: 'Décret 2017-890 art. 30',
    });
    // the complément arrives: the same request is completed and granted
    const done = await ok(
      c().call('etatCivil.demande.update', {
        demandeId: d.id,
        demande: demande(g.pere, 'descendant', { canal: 'courrier', livraison: 'envoi_postal' }),
        complementRecuLe: '2026-11-23',
      }),
    );
    expect(done).toMatchObject({
      statut: 'a_produire',
      decision: { outcome: 'granted' },
      complementRecuLe: '2026-11-23',
    });
  });

  it('an act only indexed: the extract is refused until it is keyed from its scan; a copie intégrale from the scan is possible', async () => {
    const d = await ok(
      c().call('etatCivil.demande.create', {
        demande: demande(g.indexe, 'tiers', {
          document: 'extrait_sans_filiation',
          renseignements: {
            nom: 'Roux',
            prenoms: 'Sophie',
            dateNaissance: '1970-02-01',
            lieuNaissance: 'Saint-Benoît-sur-Loire',
          },
        }),
      }),
    );
    expect(d.decision!.outcome).toBe('granted');
    expect(
      await err(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: maireId } })),
    ).toMatchObject({ code: 'RULE', message: expect.stringContaining('saisissez-le d’abord') });
    expect((await ok(c().call('etatCivil.demande.get', { demandeId: d.id }))).statut).toBe('a_produire'); // nothing lost
    const acte = {
      type: 'naissance' as const,
      numero: 3,
      date_acte: '1970-02-02',
      nom: 'Roux',
      prenoms: 'Sophie',
      date_evenement: '1970-02-01',
      heure_evenement: '06:10',
      lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
      sexe: 'F' as const,
    };
    await ok(
      c().call('etatCivil.saisir', {
        acteId: g.indexe,
        acte,
        personnes: [{ role: 'titulaire', rang: 1, nom: 'Roux', prenoms: 'Sophie', sexe: 'F' }],
        terminer: true,
      }),
    );
    expect(
      (await ok(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: maireId } }))).demande
        .statut,
    ).toBe('produite');

    // an indexed act with its scanned page: its copie intégrale is the certified reproduction of the page
    const { registreId } = await ok(
      c().call('etatCivil.saveRegistre', {
        registreId: null,
        registre: { annee: 1972, type: 'naissance', ouvert_le: null, clos_le: '1972-12-30', relie_le: null },
        confirm: true,
      }),
    );
    const scan = await PDFDocument.create();
    scan.addPage([595, 842]).drawText('Registre des naissances 1972, page 1', { x: 50, y: 780, size: 12 });
    const bytes = await scan.save();
    const { uploadId } = await ok(
      c().call('documents.uploadStart', { nom: 'registre-1972.pdf', size: bytes.byteLength }),
    );
    await ok(c().call('documents.uploadChunk', { uploadId, offset: 0, data: Buffer.from(bytes).toString('base64') }));
    await ok(c().call('etatCivil.addPages', { registreId, uploadId }));
    const { acteId } = await ok(
      c().call('etatCivil.createActe', {
        acte: {
          type: 'naissance',
          numero: 1,
          date_acte: '1972-01-05',
          nom: 'Roux',
          prenoms: 'Paul',
          registre_id: registreId,
          page: 1,
        },
      }),
    );
    const ci = await ok(
      c().call('etatCivil.demande.create', {
        demande: demande(acteId, 'personne_elle_meme', {
          renseignements: {
            nom: 'Roux',
            prenoms: 'Paul',
            dateNaissance: '1972-01-04',
            lieuNaissance: 'Saint-Benoît-sur-Loire',
            parent1Nom: 'Roux',
            parent1Prenoms: 'Jean Pierre',
            parent2Nom: 'Faure',
            parent2Prenoms: 'Lise',
          },
        }),
      }),
    );
    expect(ci.decision!.outcome).toBe('granted');
    expect(
      (await ok(c().call('etatCivil.demande.produce', { demandeId: ci.id, officier: { eluId: maireId } }))).demande
        .statut,
    ).toBe('produite');
  });

  it('statistics per month and channel, without any name', async () => {
    const stats = await ok(c().call('etatCivil.demande.stats', { annee: 2026 }));
    expect(stats.lignes).toContainEqual({
      mois: '2026-11',
      canal: 'guichet',
      recues: 5,
      delivrees: 1,
      refusees: 0,
      enCours: 4,
      delaiMoyenJours: 0,
    });
    expect(JSON.stringify(stats)).not.toMatch(/Roux|Morin|Girard/);
  });

  it('where the commune keeps a signed PDF, the document goes to the parapheur for the officier’s signature', async () => {
    const adjointId = (await ok(c().call('commune.get'))).elus.find((e) => e.fonction === 'adjoint')!.id;
    const adjoint = await accountAs(t, 'adjoint', 'Noël Chevalier', 'adjoint', adjointId);
    expect(await ok(adjoint.call('etatCivil.demande.reglages', {}))).toEqual({ pdfSigne: false }); // an officier reads the choice
    expect((await err(adjoint.call('etatCivil.demande.reglages', { pdfSigne: true }))).code).toBe('FORBIDDEN');
    expect(await ok(c().call('etatCivil.demande.reglages', {}))).toEqual({ pdfSigne: false });
    await ok(c().call('etatCivil.demande.reglages', { pdfSigne: true }));
    const d = await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant') }));
    const out = await ok(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: maireId } }));
    const piece = db()
      .prepare('SELECT parapheur_document_id AS p, sha256 FROM ec_demande_piece WHERE id = ?')
      .get(out.pieceId) as { p: number; sha256: string };
    const doc = db().prepare('SELECT kind, statut, original_sha256 FROM parapheur_document WHERE id = ?').get(piece.p);
    expect(doc).toEqual({ kind: 'etat_civil', statut: 'a_viser', original_sha256: piece.sha256 });
    const steps = db()
      .prepare('SELECT type, elu_id FROM circuit_step WHERE document_id = ? ORDER BY rang')
      .all(piece.p);
    expect(steps).toEqual([
      { type: 'visa', elu_id: null },
      { type: 'signature', elu_id: maireId },
    ]);
    expect(journal('etat-civil.demande.produite').at(-1)).toContain('déposée au parapheur pour signature électronique');
    await ok(c().call('etatCivil.demande.reglages', { pdfSigne: false }));
  });

  it('a refusal letter names the reason, the article and the recourse; a receipt only when asked', async () => {
    const d = await ok(
      c().call('etatCivil.demande.create', {
        demande: demande(g.pere, 'tiers', { canal: 'courrier', livraison: 'envoi_postal' }),
      }),
    );
    expect(d.pieces).toEqual([]); // no accusé de réception by default (CRPA L112-3, R112-4 2°)
    const recu = await ok(c().call('etatCivil.demande.recepisse', { demandeId: d.id }));
    printed.set('recepisse', recu.base64);
    const refus = await ok(
      c().call('etatCivil.demande.lettre', { demandeId: d.id, lettre: 'refus', officier: { eluId: maireId } }),
    );
    printed.set('refus', refus.base64);
    expect(refus.demande.statut).toBe('refusee');
    expect(refus.demande.pieces.map((p) => p.nature)).toEqual(['recepisse', 'lettre_refus']);
    expect(journal('etat-civil.demande.refusee').at(-1)).toMatch(
      /^Demande n° 2026-\d+ : lettre de refus signée par Mme Hélène Lefèvre, Maire, officier de l’état civil \(copie intégrale de l’acte de naissance n° 12 de 1960\)$/,
    );
    expect(todos().some((x) => x.title.startsWith(`Demande n° ${d.reference} `))).toBe(false);
  });

  it('what was printed reads back: A4 PDFs that qpdf checks, with the content the law asks', async (ctx) => {
    requireTool(ctx, toolMissing('pdftotext', 'qpdf'));
    const expected: Record<string, string[]> = {
      'fils-copie-integrale': [
        'COPIE INTÉGRALE D’ACTE DE NAISSANCE',
        'Acte n° 12 de 1960',
        'Marcel ROUX',
        'Délivré le 23/11/2026',
        'Mme Hélène Lefèvre, Maire, officier de l’état civil',
      ],
      'cousin-esf': ['EXTRAIT D’ACTE DE NAISSANCE sans indication de la filiation', 'Délivré le 23/11/2026'],
      'plurilingue-mariage': ['formule B', 'Div 11.02.1999', 'Exemplaire 2 / 2'],
      complement: ['nom du premier parent', 'art. 29'],
      refus: ['art. 30', 'Extrait sans filiation', 'Voies de recours', 'Mme Hélène Lefèvre'],
      recepisse: ['Récépissé de demande', 'R112-4 2°'],
    };
    expect([...printed.keys()].sort()).toEqual(Object.keys(expected).sort());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-demandes-'));
    const bodies = new Map<string, string>();
    for (const [name, needles] of Object.entries(expected)) {
      const file = path.join(dir, `${name}.pdf`);
      fs.writeFileSync(file, Buffer.from(printed.get(name)!, 'base64'));
      expect(execFileSync('qpdf', ['--check', file]).toString()).toContain('No syntax or stream encoding errors');
      const body = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
      for (const n of needles) expect(body, name).toContain(n);
      expect(body, name).not.toMatch(/\(s\)|\(e\)/);
      bodies.set(name, body);
      const sizes = (await PDFDocument.load(fs.readFileSync(file))).getPages().map((pg) => pg.getSize());
      for (const { width, height } of sizes) expect([Math.round(width), Math.round(height)], name).toEqual([595, 842]);
    }
    expect(bodies.get('cousin-esf')).not.toContain('Marcel'); // no parent on an extrait sans filiation
    fs.rmSync(dir, { recursive: true });
  });
});
