import { afterEach, describe, expect, it } from 'vitest';
import { fakeBridge, render } from '../testing/render';
import { DocumentCard } from './DocumentCard';
import type { DocItem } from './types';

afterEach(() => {
  document.body.innerHTML = '';
});

const doc = (peutRefuser: boolean) =>
  ({
    id: 7,
    titre: 'PES dépenses novembre',
    kind: 'pes',
    statut: 'a_signer',
    source_type: 'import',
    etape: { libelle: "Signature de l'ordonnateur" },
    commentaires: 0,
    peutRefuser,
  }) as unknown as DocItem;
const refuseButton = () => document.querySelector('button[aria-label="Refuser « PES dépenses novembre »"]');

describe('DocumentCard: « Refuser » follows what the core allows', () => {
  it('offered to the signataire the step waits for, not to another élu', async () => {
    fakeBridge({});
    const noop = async () => undefined;
    await render(
      <DocumentCard doc={doc(true)} elus={[]} canWrite={false} canSign reload={noop} onSeance={() => undefined} />,
    );
    expect(refuseButton()).not.toBeNull();
    document.body.innerHTML = '';
    await render(
      <DocumentCard doc={doc(false)} elus={[]} canWrite={false} canSign reload={noop} onSeance={() => undefined} />,
    );
    expect(refuseButton()).toBeNull();
  });
});
