import os from 'node:os';
import { validAccount, withCommune } from '../../test-support/helpers';

describe('core: first run to dashboard', () => {
  it('creates the commune, logs the secrétaire in, and shows the dashboard', async () => {
    const t = await withCommune();
    const status = await t.client.call('app.status');
    expect(status.ok && status.value.phase).toBe('ready');
    const dash = await t.client.call('dashboard.get');
    expect(dash.ok && dash.value.arrivals).toEqual([]);
    // nothing planned yet: the council must meet at least once a quarter (L2121-7)
    expect(dash.ok && dash.value.todos.map((t) => t.legal_ref)).toEqual(['CGCT L2121-7']);
    const journal = await t.client.call('journal.list', {});
    expect(journal.ok && journal.value.rows.map((r) => r.action)).toContain('commune.creee');
    expect(journal.ok && journal.value.rows[0]?.user_login).toBe(validAccount.login);
    t.close();
  });
});

describe('commune dossier', () => {
  it('a council rule broken by one élu is reported on that élu’s own field', async () => {
    const t = await withCommune();
    const r = await t.client.call('commune.saveElu', {
      id: null,
      elu: {
        civilite: 'Mme',
        nom: 'Zoé',
        prenom: 'Gaëlle',
        fonction: 'adjoint',
        rang_adjoint: 1,
        mandat_debut: '2026-04-01',
      },
    });
    expect(!r.ok && r.error.fields).toEqual({ 'elu.rang_adjoint': 'Rang : deux adjoints en fonction ont le rang 1.' });
    // and nothing was saved
    const d = await t.client.call('commune.get');
    expect(d.ok && d.value.elus.map((e) => e.prenom)).not.toContain('Gaëlle');
    t.close();
  });

  it('diagnostics carry no personal data: counts and versions, no names, no home folder', async () => {
    const t = await withCommune();
    const r = await t.client.call('diagnostics.get');
    const text = JSON.stringify(r);
    expect(r.ok).toBe(true);
    for (const personal of ['Lefèvre', 'Martine Roux', 'secretaire', 'mairie@saint-benoit.fr', os.homedir()])
      expect(text).not.toContain(personal);
    expect(r.ok && r.value.commune).toMatchObject({ etat: 'ok', lignes: { elu: 4 } });
    t.close();
  });
});
