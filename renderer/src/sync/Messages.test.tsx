import { afterEach, describe, expect, it } from 'vitest';
import { byText, click, fakeBridge, render } from '../testing/render';
import { Messages } from './Messages';
import { OutboxList } from './OutboxList';
import type { InboundMessage, SyncItem } from './labels';

afterEach(() => {
  document.body.innerHTML = '';
});

const acte: SyncItem = {
  id: 7,
  kind: 'acte',
  label: 'Délibération n° 2026_001 — Tarifs',
  state: 'recu',
  statut: 'reçu par la préfecture le 23/11/2026 (045-214502494-20261120-2026_001-DE)',
  attempts: 1,
  lastError: null,
  updatedAt: '2026-11-23T09:00:00Z',
  refType: 'deliberation',
  refId: '1',
  renvoyable: false,
};
const message = (id: number, kind: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({
  id,
  kind,
  title: `Message ${id} — acte 2026_001`,
  detail: null,
  id_acte: '045-214502494-20261120-2026_001-DE',
  documents: JSON.stringify([{ nom: 'courrier.pdf', sha256: 'a'.repeat(64) }]),
  received_at: '2026-11-24T08:05:00Z',
  outbox_id: 7,
  reply_outbox_id: null,
  ...extra,
});

describe('Messages de la préfecture', () => {
  it('links each message to its act; a déféré cannot be answered through the platform', async () => {
    fakeBridge({});
    await render(
      <Messages
        messages={[message(1, 'DefereTA'), message(2, 'LettreObservations', { detail: 'Motif : incompétence' })]}
        items={[acte]}
        canWrite
        onChanged={() => undefined}
      />,
    );
    const articles = [...document.querySelectorAll('article')];
    expect(articles[0]?.textContent).toContain('Déféré au tribunal administratif');
    expect(articles[0]?.textContent).toContain('On ne répond pas à un déféré par la plateforme');
    expect(articles[0]?.querySelector('button[aria-label^="Répondre"]')).toBeNull();
    expect(articles[1]?.textContent).toContain(
      'Acte concerné : Délibération n° 2026_001 — Tarifs — identifiant 045-214502494-20261120-2026_001-DE',
    );
    expect(articles[1]?.textContent).toContain('Motif : incompétence');
    expect(articles[1]?.querySelector('button[aria-label^="Répondre"]')).not.toBeNull();
  });

  it('a pièces complémentaires request offers to send them or to refuse; a PDF is required', async () => {
    const { calls } = fakeBridge({
      'conseil.classification': () => ({
        value: { date: '2019-03-01', typesPJ: [{ code: '99_AU', libelle: 'Autre document' }] },
      }),
    });
    await render(
      <Messages
        messages={[message(3, 'DemandePieceComplementaire')]}
        items={[acte]}
        canWrite
        onChanged={() => undefined}
      />,
    );
    await click(document.querySelector<HTMLElement>('button[aria-label^="Répondre"]')!);
    const dialog = document.querySelector('[role="dialog"]');
    expect(dialog?.textContent).toContain('Envoyer les pièces complémentaires');
    expect(dialog?.textContent).toContain('Refuser de les envoyer (refus motivé)');
    await click(byText('button', 'Envoyer la réponse'));
    expect(dialog?.textContent).toContain('Choisissez le document PDF de votre réponse.');
    expect(calls.some((c) => c.name === 'sync.repondre')).toBe(false);
  });

  it('shows the status of the answer already sent', async () => {
    fakeBridge({});
    const reply: SyncItem = {
      ...acte,
      id: 9,
      kind: 'reponse',
      state: 'envoye',
      statut: 'envoyé — en attente de l’accusé de réception',
    };
    await render(
      <Messages
        messages={[message(4, 'CourrierSimple', { reply_outbox_id: 9 })]}
        items={[acte, reply]}
        canWrite
        onChanged={() => undefined}
      />,
    );
    expect(document.body.textContent).toContain('Votre réponse :');
    expect(document.body.textContent).toContain('envoyé — en attente de l’accusé de réception');
    expect(document.querySelector('button[aria-label^="Répondre"]')).toBeNull();
  });
});

describe('Annulation', () => {
  it('explains, asks to confirm, then calls sync.annuler', async () => {
    const { calls } = fakeBridge({ 'sync.annuler': () => ({ value: { outboxId: 12 } }) });
    let changed = 0;
    await render(<OutboxList items={[acte]} canWrite onChanged={() => changed++} empty="" />);
    await click(document.querySelector<HTMLElement>('button[aria-label^="Annuler la transmission"]')!);
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain('Elle n’efface pas la décision');
    await click(byText('button', 'Confirmer l’annulation'));
    expect(calls).toEqual([{ name: 'sync.annuler', args: { outboxId: 7 } }]);
    expect(changed).toBe(1);
  });
});

describe('Message non reconnu', () => {
  it('is shown as such, every file downloadable under its own name, no answer offered', async () => {
    fakeBridge({});
    const docs = [
      { nom: '045-214502494-20261120-2026_001-DE-2-9_0.xml', sha256: 'b'.repeat(64) },
      { nom: 'annexe.odt', sha256: 'c'.repeat(64) },
    ];
    await render(
      <Messages
        messages={[
          message(5, 'inconnu', {
            title: 'Message non reconnu de la plateforme — acte 2026_001',
            documents: JSON.stringify(docs),
          }),
        ]}
        items={[acte]}
        canWrite
        onChanged={() => undefined}
      />,
    );
    const article = document.querySelector('article');
    expect(article?.textContent).toContain('Message non reconnu');
    expect(article?.textContent).toContain(
      'Rien n’est perdu : ses fichiers sont conservés ci-dessous, tels que reçus.',
    );
    expect(article?.querySelector('button[aria-label^="Répondre"]')).toBeNull();
    const buttons = [...(article?.querySelectorAll('button') ?? [])].map((b) => b.textContent);
    expect(buttons).toEqual(['Télécharger 045-214502494-20261120-2026_001-DE-2-9_0.xml', 'Télécharger annexe.odt']);
  });
});

describe('A refused act replaced by its accepted correction', () => {
  it('reads « remplacé », neutral, with nothing left to do, and points at the accepted row', async () => {
    fakeBridge({});
    const refused: SyncItem = {
      ...acte,
      id: 7,
      state: 'refuse',
      statut: 'remplacé : 2026_001, transmis sous 2026_001_R1',
      renvoyable: false,
    };
    const renvoi: SyncItem = {
      ...acte,
      id: 8,
      label: 'Délibération n° 2026_001 — Tarifs (renvoi 1)',
      statut: 'reçu par la préfecture le 24/11/2026 (045-214502494-20261120-2026_001_R1-DE)',
    };
    await render(<OutboxList items={[renvoi, refused]} canWrite onChanged={() => undefined} empty="" />);
    const row = document.querySelector('[data-testid="envoi-7"]');
    expect(row?.textContent).toContain('remplacé : 2026_001, transmis sous 2026_001_R1');
    expect(row?.textContent).toContain(
      'Rien à faire : remplacé par « Délibération n° 2026_001 — Tarifs (renvoi 1) », reçu par la préfecture.',
    );
    expect(row?.textContent).not.toContain('Cet acte vous revient');
    expect(row?.textContent).toContain('↻');
  });
});
