/**
 * Follow-ups of issue 12 through the real core: the day a complément was received (décret 2017-890 art. 30),
 * checked, kept, in the history and printed; every reading of a request, of the list or of a printed piece is
 * journaled without the requester's name.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { accountAs, err, ok } from '../../test-support/etat-civil-client';
import { demande, seedGuichet, type Guichet } from '../../test-support/etat-civil-demandes';
import { requireTool, toolMissing } from '../../test-support/support';

describe('the complément received, and the readings journaled', () => {
  let t: TestCore & { communeId: string };
  let g: Guichet;
  const c = () => t.client;
  const db = () => t.core.communes.get(t.communeId).db;
  const journal = (action: string) =>
    db().prepare('SELECT summary FROM journal WHERE action = ? ORDER BY id').pluck().all(action) as string[];
  /** a postal request of 16/11 missing the parents' names, its complément letter sent: « incomplète » */
  const incomplete = async () => {
    const sansParents = {
      canal: 'courrier',
      recueLe: '2026-11-16',
      livraison: 'envoi_postal',
      renseignements: { nom: 'Roux', prenoms: 'Jean Pierre', dateNaissance: '1960-03-14' },
    };
    const d = await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant', sansParents) }));
    await ok(c().call('etatCivil.demande.lettre', { demandeId: d.id, lettre: 'complement' }));
    return d.id;
  };
  const complet = demande(0, 'descendant', { canal: 'courrier', recueLe: '2026-11-16', livraison: 'envoi_postal' });
  const update = (demandeId: number, complementRecuLe?: string | null) =>
    c().call('etatCivil.demande.update', {
      demandeId,
      demande: { ...complet, acteId: g.pere },
      ...(complementRecuLe !== undefined ? { complementRecuLe } : {}),
    });

  beforeAll(async () => {
    t = await withCommune();
    g = await seedGuichet(c());
  });
  afterAll(() => t.close());

  it('completing a request « incomplète » asks the day the complément arrived: not missing, not in the future, not before the request', async () => {
    const id = await incomplete();
    const statut = () => db().prepare('SELECT statut, complement_recu_le FROM ec_demande WHERE id = ?').get(id);
    for (const [le, message] of [
      [undefined, 'indiquez la date à laquelle les renseignements demandés ont été reçus (décret 2017-890 art. 30)'],
      ['2026-11-24', 'le 24/11/2026 est dans le futur'],
      ['2026-11-15', 'le 15/11/2026 est avant la réception de la demande (le 16/11/2026)'],
      ['2026-02-30', 'Complément reçu le'],
    ] as const) {
      const e = (await err(update(id, le))) as { code: string; message: string; fields?: Record<string, string> };
      expect(e, String(le)).toMatchObject({ code: 'INVALID', message: expect.stringContaining(message) });
      expect(Object.keys(e.fields ?? {}).join(), String(le)).toContain('complementRecuLe');
    }
    expect(statut()).toEqual({ statut: 'incomplete', complement_recu_le: null }); // nothing changed
    const done = await ok(update(id, '2026-11-20'));
    expect(done).toMatchObject({ statut: 'a_produire', complementRecuLe: '2026-11-20' });
    expect(done.historique.map((h) => h.quoi)).toEqual([
      'reçue',
      expect.any(String), // the decision
      'lettre de demande de complément',
      'complément reçu le 20/11/2026',
      'modifiée',
      expect.any(String),
    ]);
    expect(journal('etat-civil.demande.modifiee').at(-1)).toMatch(
      /^Demande n° 2026-\d+ complétée \(complément reçu le 20\/11\/2026\) : copie intégrale/,
    );
  });

  it('a request waiting for nothing takes no complément date; a produced one keeps its date in the database', async () => {
    const d = await ok(c().call('etatCivil.demande.create', { demande: demande(g.pere, 'descendant') }));
    expect(await err(update(d.id, '2026-11-23'))).toMatchObject({
      code: 'RULE',
      message: expect.stringContaining('n’attend aucun complément'),
    });
    expect((await ok(update(d.id))).complementRecuLe).toBeNull(); // a plain correction still goes through
    const id = await incomplete();
    await ok(update(id, '2026-11-21'));
    const maireId = (await ok(c().call('commune.get'))).elus.find((e) => e.fonction === 'maire' && !e.mandat_fin)!.id;
    await ok(c().call('etatCivil.demande.produce', { demandeId: id, officier: { eluId: maireId } }));
    expect(() =>
      db().prepare('UPDATE ec_demande SET complement_recu_le = ? WHERE id = ?').run('2026-11-22', id),
    ).toThrow(/ec_demande_produite_immuable/);
  });

  it('a conseiller without délégation may neither complete a request nor read it', async () => {
    const id = await incomplete();
    const elus = (await ok(c().call('commune.get'))).elus;
    const conseiller = await accountAs(
      t,
      'conseiller1',
      'Loïc Ménard',
      'conseiller',
      elus.find((e) => e.nom === 'Ménard')!.id,
    );
    const r = await conseiller.call('etatCivil.demande.update', {
      demandeId: id,
      demande: { ...complet, acteId: g.pere },
      complementRecuLe: '2026-11-20',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await conseiller.call('etatCivil.demande.get', { demandeId: id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(db().prepare('SELECT statut FROM ec_demande WHERE id = ?').pluck().get(id)).toBe('incomplete');
  });

  it('reading a request, the list or a printed piece writes a journal line with its number, never the requester', async () => {
    const id = await incomplete();
    const d = await ok(c().call('etatCivil.demande.get', { demandeId: id }));
    expect(journal('etat-civil.demande.consultee').at(-1)).toBe(`Consultation de la demande n° ${d.reference}`);
    await ok(c().call('etatCivil.demande.list', { statut: 'incomplete' }));
    expect(journal('etat-civil.demande.liste-consultee').at(-1)).toMatch(
      /^Consultation de la liste des demandes \(incomplète \(en attente du complément\)\) : \d+ demandes?$/,
    );
    const piece = d.pieces[0]!;
    await ok(c().call('etatCivil.demande.piece', { demandeId: id, pieceId: piece.id }));
    expect(journal('etat-civil.demande.piece-consultee').at(-1)).toBe(
      `Consultation d’une pièce imprimée (lettre complement) de la demande n° ${d.reference}`,
    );
    const lines = db().prepare("SELECT summary FROM journal WHERE action LIKE 'etat-civil.demande.%'").pluck().all();
    for (const l of lines as string[]) expect(l).not.toMatch(/Thomas|Roux|Tilleuls/);
    // a refused reader leaves no consultation line
    const before = journal('etat-civil.demande.consultee').length;
    const support = await accountAs(t, 'support2', 'Support', 'support');
    expect((await err(support.call('etatCivil.demande.get', { demandeId: id }))).code).toBe('FORBIDDEN');
    expect(journal('etat-civil.demande.consultee')).toHaveLength(before);
  });

  it('the day the complément arrived is printed in the letters’ reminder of the request', async (ctx) => {
    requireTool(ctx, toolMissing('pdftotext'));
    const id = await incomplete();
    await ok(update(id, '2026-11-20'));
    const r = await ok(c().call('etatCivil.demande.recepisse', { demandeId: id }));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-complement-')), 'r.pdf');
    fs.writeFileSync(file, Buffer.from(r.base64, 'base64'));
    const body = execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(body).toContain('Vous avez demandé, le 16/11/2026');
    expect(body).toContain('complétée le 20/11/2026');
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
