/**
 * The counter's guards through the real core (issue 12): who may (CGCT L2122-32, R2122-10), hostile input,
 * an override only with a written reason, never by e-mail (IGREC n° 72-1), nothing produced twice.
 */
import { withCommune, type TestCore } from '../../test-support/helpers';
import { accountAs, err, ok } from '../../test-support/etat-civil-client';
import { demande, seedGuichet, type Guichet } from '../../test-support/etat-civil-demandes';
import { requireTool, toolMissing } from '../../test-support/support';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('the counter: rights and guards', () => {
  let t: TestCore & { communeId: string };
  let g: Guichet;
  let elus: Map<string, number>;
  const c = () => t.client;
  const db = () => t.core.communes.get(t.communeId).db;
  const count = () => (db().prepare('SELECT count(*) AS n FROM ec_demande').get() as { n: number }).n;

  beforeAll(async () => {
    t = await withCommune();
    g = await seedGuichet(c());
    elus = new Map((await ok(c().call('commune.get'))).elus.filter((e) => !e.mandat_fin).map((e) => [e.nom, e.id]));
  });
  afterAll(() => t.close());

  it('support and a conseiller without délégation see nothing of the counter, statistics included', async () => {
    const support = await accountAs(t, 'support', 'Support', 'support');
    const conseiller = await accountAs(t, 'conseiller', 'Loïc Ménard', 'conseiller', elus.get('Ménard')!);
    const { id } = await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant') }));
    for (const who of [support, conseiller]) {
      expect(await err(who.call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant') }))).toMatchObject(
        { code: 'FORBIDDEN' },
      );
      expect((await err(who.call('etatCivil.demande.get', { demandeId: id }))).code).toBe('FORBIDDEN');
      expect((await err(who.call('etatCivil.demande.list', {}))).code).toBe('FORBIDDEN');
      expect((await err(who.call('etatCivil.demande.produce', { demandeId: id }))).code).toBe('FORBIDDEN');
      expect((await err(who.call('etatCivil.demande.stats', { annee: 2026 }))).code).toBe('FORBIDDEN');
    }
    expect(count()).toBe(1);
    // the adjoint reads the statistics as an élu (no personal data in them)
    const adjoint = await accountAs(t, 'adjoint', 'Noël Chevalier', 'adjoint', elus.get('Chevalier')!);
    expect((await ok(adjoint.call('etatCivil.demande.stats', { annee: 2026 }))).lignes).toHaveLength(1);
  });

  it('an agent délégué R2122-10 issues in his own name; once his délégation ends he is refused', async () => {
    const agent = await accountAs(t, 'agent', 'Paul Mercier', 'conseiller');
    const { delegationId } = await ok(
      c().call('parapheur.saveDelegation', {
        delegation: {
          article: 'R2122-10',
          delegantEluId: elus.get('Lefèvre'),
          delegataireNom: 'Paul MERCIER',
          titulaire: true,
          qualite: 'Officier de l’état civil délégué',
          objets: ['etat_civil'],
          arreteNumero: 'A-2026-12',
          arreteDate: '2026-04-02',
          debut: '2026-04-02',
        },
      }),
    );
    const d = await ok(agent.call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant') }));
    const out = await ok(agent.call('etatCivil.demande.produce', { demandeId: d.id }));
    expect(out.demande.officier).toEqual({
      nom: 'Paul MERCIER',
      qualite: 'Officier de l’état civil délégué (arrêté n° A-2026-12, art. R2122-10 CGCT)',
    });
    const next = await ok(agent.call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant') }));
    await ok(c().call('parapheur.revokeDelegation', { delegationId, date: '2026-11-23' }));
    expect(await err(agent.call('etatCivil.demande.produce', { demandeId: next.id }))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('R2122-10'),
    });
    // nor may the secrétaire name him any more
    expect(
      await err(c().call('etatCivil.demande.produce', { demandeId: next.id, officier: { delegationId } })),
    ).toMatchObject({ code: 'RULE', message: expect.stringContaining('n’est pas officier de l’état civil ce jour') });
    expect((await ok(c().call('etatCivil.demande.get', { demandeId: next.id }))).statut).toBe('a_produire');
  });

  it('hostile or wrong input is refused with a French message, nothing written', async () => {
    const before = count();
    const bad = async (over: Record<string, unknown>) =>
      err(c().call('etatCivil.demande.create', { demande: { ...demande(g.pere, 'descendant'), ...over } as never }));
    expect(await bad({ exemplaires: 11 })).toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining('Dix exemplaires au plus'),
    });
    expect((await bad({ demandeur: { nom: 'X', qualite: 'cousin' } })).code).toBe('INVALID');
    expect((await bad({ admin: true })).code).toBe('INVALID');
    expect(await bad({ recueLe: '2026-12-01' })).toMatchObject({
      code: 'INVALID',
      message: 'Date de réception : dans le futur.',
    });
    expect(await bad({ acteType: 'mariage' })).toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining('pas de mariage'),
    });
    expect((await bad({ acteId: 9999 })).code).toBe('NOT_FOUND');
    expect(count()).toBe(before);
  });

  it('an override needs a written reason; it is kept with who and when, and journaled', async () => {
    const d = await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'tiers') }));
    expect(d.decision!.outcome).toBe('refused');
    expect(await err(c().call('etatCivil.demande.override', { demandeId: d.id, motif: '' }))).toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining('raison de la dérogation'),
    });
    expect((await err(c().call('etatCivil.demande.override', { demandeId: d.id, motif: 'parce que' }))).code).toBe(
      'INVALID',
    );
    expect((await ok(c().call('etatCivil.demande.get', { demandeId: d.id }))).statut).toBe('recue');
    const motif = 'Réquisition écrite du procureur de la République jointe au dossier.';
    const o = await ok(c().call('etatCivil.demande.override', { demandeId: d.id, motif }));
    expect(o).toMatchObject({
      statut: 'a_produire',
      derogation: { motif, par: 'Martine Roux', le: '2026-11-23T09:00:00.000Z' },
    });
    expect(o.historique.at(-1)).toMatchObject({ quoi: 'dérogation écrite', par: 'Martine Roux' });
    const line = db()
      .prepare("SELECT summary, user_login FROM journal WHERE action = 'etat-civil.demande.derogation'")
      .get() as { summary: string; user_login: string };
    expect(line.summary).toMatch(
      /^Demande n° 2026-\d+ : dérogation à la décision \(refusée\) par Martine Roux, Secrétaire de mairie/,
    );
    expect(line.summary).not.toContain('Roux Thomas'); // the requester is never named in the journal
    const maireId = elus.get('Lefèvre')!;
    expect(
      (await ok(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: maireId } }))).demande
        .statut,
    ).toBe('produite');
    expect(await err(c().call('etatCivil.demande.override', { demandeId: d.id, motif }))).toMatchObject({
      code: 'RULE',
    });
    expect(
      (
        await err(
          c().call('etatCivil.demande.override', {
            demandeId: (await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant') }))).id,
            motif,
          }),
        )
      ).code,
    ).toBe('CONFLICT');
  });

  it('never by e-mail: the decision explains IGREC n° 72-1, and neither override nor production gets round it', async () => {
    const d = await ok(
      c().call('etatCivil.demande.create', {
        demande: demande(g.pere, 'descendant', { canal: 'courriel', livraison: 'courriel' }),
      }),
    );
    expect(d.decision).toMatchObject({ outcome: 'refused', motif: expect.stringContaining('IGREC n° 72-1') });
    expect(
      await err(
        c().call('etatCivil.demande.override', {
          demandeId: d.id,
          motif: 'Le demandeur habite à l’étranger et insiste.',
        }),
      ),
    ).toMatchObject({ code: 'RULE', message: expect.stringContaining('IGREC n° 72-1') });
    expect(await err(c().call('etatCivil.demande.produce', { demandeId: d.id }))).toMatchObject({
      code: 'RULE',
      message: expect.stringContaining('IGREC n° 72-1'),
    });
    // answered by post instead: the same request is then granted
    const fixed = await ok(
      c().call('etatCivil.demande.update', {
        demandeId: d.id,
        demande: demande(g.pere, 'descendant', { canal: 'courriel', livraison: 'envoi_postal' }),
      }),
    );
    expect(fixed.decision!.outcome).toBe('granted');
  });

  it('produced once: a second production, a change afterwards or a production after a refusal are refused; the database keeps it so', async () => {
    const maireId = elus.get('Lefèvre')!;
    const d = await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant') }));
    const out = await ok(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: maireId } }));
    expect(
      await err(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: maireId } })),
    ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('déjà produite') });
    expect(
      (
        await err(
          c().call('etatCivil.demande.update', {
            demandeId: d.id,
            demande: demande(g.pere, 'descendant', { exemplaires: 3 }),
          }),
        )
      ).code,
    ).toBe('RULE');
    expect(
      (await err(c().call('etatCivil.demande.remise', { demandeId: d.id, mode: 'remise', date: '2026-11-22' }))).code,
    ).toBe('INVALID');
    expect(() =>
      db().prepare("UPDATE ec_demande SET document = 'extrait_sans_filiation' WHERE id = ?").run(d.id),
    ).toThrow(/ec_demande_produite_immuable/);
    expect(() => db().prepare('DELETE FROM ec_demande_piece WHERE id = ?').run(out.pieceId)).toThrow(/append_only/);
    expect(() => db().prepare('DELETE FROM ec_demande WHERE id = ?').run(d.id)).toThrow(/append_only/);

    const refused = await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'tiers') }));
    const lettre = await ok(
      c().call('etatCivil.demande.lettre', { demandeId: refused.id, lettre: 'refus', officier: { eluId: maireId } }),
    );
    expect(lettre.demande.statut).toBe('refusee');
    expect(
      await err(c().call('etatCivil.demande.produce', { demandeId: refused.id, officier: { eluId: maireId } })),
    ).toMatchObject({ code: 'RULE', message: expect.stringContaining('a été refusée : rien n’est produit') });
    expect(
      (
        await err(
          c().call('etatCivil.demande.override', { demandeId: refused.id, motif: 'Finalement accordé par le maire.' }),
        )
      ).code,
    ).toBe('RULE');
  });

  it('a register communicable to anyone (75 years, L213-2): a tiers gets a copy « à titre de simple renseignement »', async (ctx) => {
    requireTool(ctx, toolMissing('pdftotext'));
    const { registreId } = await ok(
      c().call('etatCivil.saveRegistre', {
        registreId: null,
        registre: { annee: 1940, type: 'naissance', ouvert_le: null, clos_le: '1940-12-27', relie_le: null },
        confirm: true,
      }),
    );
    const acte = {
      type: 'naissance' as const,
      numero: 8,
      date_acte: '1940-05-06',
      nom: 'Blanc',
      prenoms: 'Odile',
      date_evenement: '1940-05-05',
      heure_evenement: '10:00',
      lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
      sexe: 'F' as const,
      registre_id: registreId,
    };
    const { acteId } = await ok(c().call('etatCivil.createActe', { acte }));
    await ok(
      c().call('etatCivil.saisir', {
        acteId,
        acte,
        personnes: [{ role: 'titulaire', rang: 1, nom: 'Blanc', prenoms: 'Odile', sexe: 'F' }],
        terminer: true,
      }),
    );
    const d = await ok(
      c().call('etatCivil.demande.create', {
        demande: demande(acteId, 'tiers', { renseignements: { nom: 'Blanc', prenoms: 'Odile' } }),
      }),
    );
    expect(d.decision).toMatchObject({ outcome: 'granted', certifiee: false, simpleRenseignement: true });
    const out = await ok(
      c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: elus.get('Lefèvre')! } }),
    );
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-demandes-')), 'simple.pdf');
    fs.writeFileSync(file, Buffer.from(out.base64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
    fs.rmSync(path.dirname(file), { recursive: true });
    expect(text).toMatch(/simple renseignement/i);
    expect(text).not.toContain('Délivré le'); // neither dated nor signed (domain-rules §2.3)
  });

  it('a decision kept but no longer true on today’s facts is not produced: it must be computed again', async () => {
    const d = await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'tiers') }));
    db().prepare("UPDATE ec_demande SET decision_issue = 'granted', statut = 'a_produire' WHERE id = ?").run(d.id); // a stale decision
    expect(
      await err(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: elus.get('Lefèvre')! } })),
    ).toMatchObject({ code: 'RULE', message: expect.stringContaining('La décision a changé') });
    expect((await ok(c().call('etatCivil.demande.decide', { demandeId: d.id }))).statut).toBe('recue');
  });

  it('lists requests by state and year; a posting needs the requester’s address', async () => {
    const all = await ok(c().call('etatCivil.demande.list', {}));
    expect(all.length).toBe(count());
    const produced = await ok(c().call('etatCivil.demande.list', { statut: 'produite', annee: 2026 }));
    expect(produced.length).toBeGreaterThan(0);
    expect(produced.every((d) => d.statut === 'produite' && d.annee === 2026)).toBe(true);
    expect(await ok(c().call('etatCivil.demande.list', { annee: 2025 }))).toEqual([]);
    const d = await ok(
      c().call('etatCivil.demande.create', {
        demande: demande(g.pere, 'descendant', {
          demandeur: { nom: 'Roux', prenoms: 'Thomas', adresse: null, qualite: 'descendant' },
        }),
      }),
    );
    await ok(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: elus.get('Lefèvre')! } }));
    expect(
      await err(c().call('etatCivil.demande.remise', { demandeId: d.id, mode: 'envoi', date: '2026-11-23' })),
    ).toMatchObject({ code: 'INVALID', message: expect.stringContaining('Adresse du demandeur') });
    expect(
      (await ok(c().call('etatCivil.demande.remise', { demandeId: d.id, mode: 'remise', date: '2026-11-23' }))).statut,
    ).toBe('remise');
  });

  // last: from here on the secrétaire is herself an officier délégué
  it('a secrétaire holding a délégation R2122-10 issues in her own name', async () => {
    await ok(
      c().call('parapheur.saveDelegation', {
        delegation: {
          article: 'R2122-10',
          delegantEluId: elus.get('Lefèvre'),
          delegataireNom: 'Martine Roux',
          titulaire: true,
          qualite: 'Secrétaire générale de mairie, officière de l’état civil déléguée',
          objets: ['etat_civil'],
          arreteNumero: 'A-2026-20',
          arreteDate: '2026-06-01',
          debut: '2026-06-01',
        },
      }),
    );
    const d = await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant') }));
    expect(
      await err(c().call('etatCivil.demande.produce', { demandeId: d.id, officier: { eluId: elus.get('Lefèvre')! } })),
    ).toMatchObject({ code: 'RULE', message: expect.stringContaining('sous votre nom') });
    const out = await ok(c().call('etatCivil.demande.produce', { demandeId: d.id }));
    expect(out.demande.officier).toEqual({
      nom: 'Martine Roux',
      qualite:
        'Secrétaire générale de mairie, officière de l’état civil déléguée (arrêté n° A-2026-20, art. R2122-10 CGCT)',
    });
  });
});
