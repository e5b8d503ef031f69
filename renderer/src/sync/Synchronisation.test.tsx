import { afterEach, describe, expect, it } from 'vitest';
import { setBridge, type ClocherBridge } from '../bridge';
import { byText, click, fakeBridge, flush, render } from '../testing/render';
import { act } from 'react';
import type { Permissions } from '../lib/status';
import { Synchronisation } from './Synchronisation';

// what app.status says each session may do (the core computes it from its roles matrix)
const SECRETAIRE: Permissions = [
  'commune.read',
  'commune.write',
  'users.manage',
  'journal.read',
  'backup.manage',
  'diagnostics.read',
  'parapheur.sign',
];
const MAIRE: Permissions = ['commune.read', 'journal.read', 'users.manage', 'parapheur.sign'];

afterEach(() => {
  document.body.innerHTML = '';
});

const item = (id: number, state: string, statut: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'acte',
  label: `Délibération n° 2026_00${id} — Tarifs`,
  state,
  statut,
  attempts: 1,
  lastError: null,
  updatedAt: '2026-11-23T09:00:00Z',
  refType: 'deliberation',
  refId: String(id),
  renvoyable: state === 'refuse',
  ...extra,
});

const handlers = (items: unknown[], dernier: unknown = null) => ({
  'sync.status': () => ({
    value: {
      items,
      dernier,
      enCours: false,
      configuree: true,
      prochaine: { le: '2026-11-26T12:30:00.000Z', jusqua: null },
    },
  }),
  'sync.messages': () => ({ value: [] }),
  'sync.now': () => ({ value: { started: true } }),
});

describe('Synchronisation page', () => {
  it('shows each item with its plain status; a refused act comes back with its reason and what to do', async () => {
    fakeBridge(
      handlers([
        item(1, 'a_envoyer', 'en attente de connexion', {
          lastError: 'en attente de connexion : la plateforme est injoignable',
        }),
        item(2, 'recu', 'reçu par la préfecture le 23/11/2026 (045-214502494-20261120-2026_002-DE)'),
        item(3, 'refuse', "refusé : L'acte est illisible"),
      ]),
    );
    await render(<Synchronisation perms={SECRETAIRE} />);
    const text = document.body.textContent ?? '';
    expect(text).toContain('en attente de connexion, tout est enregistré');
    expect(text).toContain('reçu par la préfecture le 23/11/2026 (045-214502494-20261120-2026_002-DE)');
    expect(text).toContain("Refusé : L'acte est illisible");
    expect(text).toContain('Un envoi vous revient');
    expect(text).toMatch(/Ce qu’il faut faire : Cet acte vous revient/);
    expect(document.querySelectorAll('button[aria-label^="Annuler la transmission"]').length).toBe(1);
    // the next run is the core's (sync.status « prochaine »), not recomputed from the opening hours
    expect(text).toContain('Prochaine synchronisation automatique : Jeudi 26/11/2026 à 13 h 30');
  });

  it('offline is said plainly, not as an error', async () => {
    fakeBridge(
      handlers([], {
        started_at: '2026-11-23T09:00:00Z',
        ended_at: '2026-11-23T09:00:01Z',
        trigger: 'manuel',
        outcome: 'hors_ligne',
        summary: 'Synchronisation reportée : la plateforme est injoignable.',
      }),
    );
    await render(<Synchronisation perms={SECRETAIRE} />);
    expect(document.body.textContent).toContain('En attente de connexion, tout est enregistré');
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('« Synchroniser maintenant » shows the progress pushed by the core', async () => {
    const { calls } = fakeBridge(handlers([]));
    let push: ((p: unknown) => void) | null = null;
    const base = (await import('../bridge')).getBridge();
    setBridge({ call: base.call, on: (_e, cb) => ((push = cb), () => undefined) } satisfies ClocherBridge);
    await render(<Synchronisation perms={SECRETAIRE} />);
    await click(byText('button', 'Synchroniser maintenant'));
    expect(calls.some((c) => c.name === 'sync.now')).toBe(true);
    await act(async () => push?.({ phase: 'envoi', done: 1, total: 2, message: 'Délibération n° 2026_001 : 1/2' }));
    await flush();
    expect(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('40');
    expect(document.body.textContent).toContain('Délibération n° 2026_001 : 1/2');
    await act(async () =>
      push?.({ phase: 'termine', done: 1, total: 1, message: 'Synchronisation terminée : 2 envoyé(s)' }),
    );
    await flush();
    expect(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('100');
  });

  it('a maire reads the page but gets no button that the core would refuse', async () => {
    fakeBridge(handlers([item(2, 'recu', 'reçu par la préfecture le 23/11/2026')]));
    await render(<Synchronisation perms={MAIRE} />);
    expect(document.body.textContent).not.toContain('Synchroniser maintenant');
    expect(document.querySelectorAll('button[aria-label^="Annuler la transmission"]').length).toBe(0);
  });
});
