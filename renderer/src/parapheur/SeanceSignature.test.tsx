import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { getBridge } from '../bridge';
import { byLabel, byText, click, fakeBridge, flush, render, type } from '../testing/render';
import { SeanceSignature } from './SeanceSignature';

afterEach(() => {
  document.body.innerHTML = '';
});

const cert = {
  holder: 'Hélène Lefèvre',
  givenName: 'Hélène',
  surname: 'Lefèvre',
  title: 'Maire',
  organisation: 'Commune',
  issuer: 'Clocher Test RGS Root CA',
  serial: '01',
  notBefore: '2026-01-01T00:00:00Z',
  notAfter: '2029-01-01T00:00:00Z',
  keyUsage: { digitalSignature: true, nonRepudiation: true },
  sha256: 'ab',
};
const elus = [
  {
    id: 2,
    civilite: 'Mme',
    nom: 'Lefèvre',
    prenom: 'Hélène',
    fonction: 'maire',
    mandat_debut: '2026-03-28',
    mandat_fin: null,
  },
];
const doc = (id: number, titre: string) => ({
  id,
  titre,
  kind: 'deliberation',
  statut: 'a_signer',
  source_type: 'deliberation',
  etape: { libelle: 'Signature du président de séance' },
  commentaires: 0,
});

/** Events pushed by the core ('parapheur.progress'…), delivered to the window's listeners. */
function withEvents() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  getBridge().on = (event, cb) => {
    const set = listeners.get(event) ?? new Set();
    set.add(cb);
    listeners.set(event, set);
    return () => set.delete(cb);
  };
  return (event: string, payload: unknown) => listeners.get(event)?.forEach((cb) => cb(payload));
}

describe('Séance de signature', () => {
  it('a wrong PIN: the message with the tries left, the field cleared and focused, never retried', async () => {
    const message =
      'Code PIN incorrect. Il reste 1 essai avant le blocage de la clé : vérifiez bien le code avant de le saisir.';
    const { calls } = fakeBridge({
      'parapheur.sessionState': () => ({ value: null }),
      'commune.get': () => ({ value: { elus } }),
      'parapheur.delegations': () => ({ value: [] }),
      'app.status': () => ({ value: { phase: 'ready', user: { eluId: null } } }),
      'signing.scan': () => ({
        value: {
          ok: true,
          modulePath: '/m.so',
          message: '1 clé',
          tokens: [
            {
              slotId: '1a',
              label: 'MAIRIE-TEST',
              serial: '',
              model: '',
              manufacturer: '',
              flags: {},
              certificates: [{ ...cert, id: '01', problems: [], warning: null }],
            },
          ],
        },
      }),
      'signing.certificate': () => ({ value: { ...cert, problemes: [], avertissement: null, correspondAElu: true } }),
      'parapheur.sessionStart': () => ({ error: { code: 'TOKEN_PIN', message, fields: { pin: message } } }),
    });
    await render(<SeanceSignature />);
    const select = byLabel('Signataire') as unknown as HTMLSelectElement;
    await act(async () => {
      select.value = 'elu:2';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(document.body.textContent).toContain('Certificat valable et au nom du signataire');
    expect(calls.filter((c) => c.name === 'signing.certificate').at(-1)?.args).toEqual({
      slotId: '1a',
      certificateId: '01',
      eluId: 2,
    });
    const pin = byLabel('Code PIN de la clé');
    await type(pin, '999999');
    await click(byText('button', 'Ouvrir la séance de signature'));
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(calls.filter((c) => c.name === 'parapheur.sessionStart')).toEqual([
      {
        name: 'parapheur.sessionStart',
        args: { slotId: '1a', certificateId: '01', pin: '999999', signataire: { eluId: 2 } },
      },
    ]);
    expect(document.body.textContent).toContain(message);
    expect(byLabel('Code PIN de la clé').value).toBe('');
    expect(byLabel('Code PIN de la clé').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(byLabel('Code PIN de la clé'));
  });

  it('signs the selection: progress from the core, then one result line per document', async () => {
    let emit: (e: string, p: unknown) => void = () => undefined;
    const docs = [
      doc(11, 'Délibération n° 2026_041 — Budget'),
      doc(12, 'Délibération n° 2026_042 — Voirie'),
      doc(13, 'Procès-verbal de la séance du 20/11/2026'),
    ];
    const { calls } = fakeBridge({
      'parapheur.sessionState': () => ({
        value: {
          certificat: cert,
          signataire: 'Hélène Lefèvre',
          pinAChaqueSignature: false,
          aSigner: [11, 12, 13],
          signesCetteSeance: 0,
        },
      }),
      'parapheur.list': () => ({ value: docs }),
      'parapheur.signer': () => {
        const ids = [11, 12, 13];
        ids.forEach((documentId, index) => {
          emit('parapheur.progress', { type: 'document', index, total: 3, documentId, etat: 'en_cours' });
          emit('parapheur.progress', {
            type: 'document',
            index,
            total: 3,
            documentId,
            etat: index === 1 ? 'erreur' : 'signe',
            message:
              index === 1
                ? 'Noël Chevalier n’est pas le secrétaire de séance attendu.'
                : 'Signé par Hélène Lefèvre (Maire, président de séance).',
          });
        });
        return {
          value: {
            arret: null,
            results: ids.map((documentId) => ({
              documentId,
              ok: documentId !== 12,
              message:
                documentId === 12
                  ? 'Noël Chevalier n’est pas le secrétaire de séance attendu.'
                  : 'Signé par Hélène Lefèvre (Maire, président de séance).',
            })),
          },
        };
      },
    });
    emit = withEvents();
    await render(<SeanceSignature />);
    expect(document.body.textContent).toContain('Séance ouverte pour Hélène Lefèvre');
    await click(byLabel('Tout sélectionner (3 documents)'));
    await click(byText('button', 'Signer la sélection (3)'));
    await flush();
    expect(calls.find((c) => c.name === 'parapheur.signer')?.args).toEqual({ documentIds: [11, 12, 13] });
    const lines = [...document.querySelectorAll('[data-testid="resultats-signature"] li')].map((li) => li.textContent);
    expect(lines).toEqual([
      '✓ Signé Délibération n° 2026_041 — BudgetSigné par Hélène Lefèvre (Maire, président de séance).',
      '✗ Non signé Délibération n° 2026_042 — VoirieNoël Chevalier n’est pas le secrétaire de séance attendu.',
      '✓ Signé Procès-verbal de la séance du 20/11/2026Signé par Hélène Lefèvre (Maire, président de séance).',
    ]);
    expect(document.body.textContent).toContain('2 documents signés, 1 non signé.');
    expect(document.querySelector('[aria-label="Avancement de la signature"]')?.getAttribute('aria-valuenow')).toBe(
      '100',
    );
  });

  it('token pulled out mid-batch: the séance ends with « Rebranchez la clé », signed stays signed', async () => {
    const arret =
      'La clé de signature a été retirée ou ne répond plus. Rebranchez-la puis cliquez sur « Rechercher la clé ».';
    let open = true;
    fakeBridge({
      'parapheur.sessionState': () => ({
        value: open
          ? {
              certificat: cert,
              signataire: 'Hélène Lefèvre',
              pinAChaqueSignature: false,
              aSigner: [11, 12],
              signesCetteSeance: 0,
            }
          : null,
      }),
      'parapheur.list': () => ({ value: [doc(11, 'Délibération A'), doc(12, 'Délibération B')] }),
      'parapheur.signer': () => {
        open = false;
        return {
          value: {
            arret,
            results: [
              { documentId: 11, ok: true, message: 'Signé.' },
              { documentId: 12, ok: false, message: arret },
            ],
          },
        };
      },
      'commune.get': () => ({ value: { elus } }),
      'parapheur.delegations': () => ({ value: [] }),
      'app.status': () => ({ value: { phase: 'ready', user: { eluId: null } } }),
      'signing.scan': () => ({ value: { ok: true, modulePath: '/m.so', message: 'aucune clé', tokens: [] } }),
    });
    await render(<SeanceSignature />);
    await click(byLabel('Tout sélectionner (2 documents)'));
    await click(byText('button', 'Signer la sélection (2)'));
    await flush();
    const alert = [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' ');
    expect(alert).toContain('Rebranchez-la');
    expect(alert).toContain('Les documents déjà signés le restent');
    expect(byText('button', 'Rechercher la clé')).toBeTruthy();
  });
});
