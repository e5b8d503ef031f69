import { afterEach, describe, expect, it } from 'vitest';
import { click, fakeBridge, flush, render } from '../testing/render';
import { SigningPanel } from './SigningPanel';

afterEach(() => {
  document.body.innerHTML = '';
});

const cert = {
  holder: 'Noël Chevalier',
  givenName: 'Noël',
  surname: 'Chevalier',
  title: 'Adjoint',
  organisation: 'Commune',
  issuer: 'Clocher Test RGS Root CA',
  serial: '01',
  notBefore: '2026-01-01T00:00:00Z',
  notAfter: '2029-01-01T00:00:00Z',
  keyUsage: { digitalSignature: true, nonRepudiation: true },
  sha256: 'ab',
};
const doc = (id: number, titre: string, etape: string) => ({
  id,
  titre,
  kind: 'deliberation',
  statut: 'a_signer',
  source_type: 'deliberation',
  etape: { libelle: etape },
  commentaires: 0,
});

describe('SigningPanel: the séance de signature of one person', () => {
  it('offers only what the core says this signataire may sign now, and counts what was signed in this séance', async () => {
    let signed = 0;
    const { calls } = fakeBridge({
      'parapheur.list': () => ({
        value: [
          doc(11, 'Délibération n° 2026_041 — Budget', 'Signature du secrétaire de séance'),
          doc(12, 'Délibération n° 2026_042 — Voirie', 'Signature du président de séance'),
        ],
      }),
      'parapheur.sessionState': () => ({
        value: {
          certificat: cert,
          signataire: 'Noël Chevalier',
          pinAChaqueSignature: false,
          aSigner: signed ? [] : [11],
          signesCetteSeance: signed,
        },
      }),
      'parapheur.signer': () => {
        signed = 1;
        return {
          value: {
            arret: null,
            results: [{ documentId: 11, ok: true, message: 'Signé par Noël Chevalier (Secrétaire de séance).' }],
          },
        };
      },
    });
    const session = {
      certificat: cert,
      signataire: 'Noël Chevalier',
      pinAChaqueSignature: false,
      aSigner: [11],
      signesCetteSeance: 0,
    };
    await render(<SigningPanel session={session} started={null} onEnded={() => undefined} />);
    await flush();
    const text = () => document.body.textContent ?? '';
    expect(text()).toContain('Délibération n° 2026_041 — Budget');
    expect(text()).not.toContain('2026_042');
    expect(text()).toContain(
      '1 autre document attend une autre signature ou une autre étape du circuit : il n’est pas proposé à Noël Chevalier.',
    );
    await click([...document.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Tout sélectionner'))!);
    await click([...document.querySelectorAll('button')].find((b) => b.textContent === 'Signer la sélection (1)')!);
    await flush();
    expect(calls.find((c) => c.name === 'parapheur.signer')?.args).toEqual({ documentIds: [11] });
    expect(text()).toContain('Signé pendant cette séance par Noël Chevalier : 1 document.');
    expect(text()).toContain('Aucun document n’attend votre signature à cette étape.');
  });
});
