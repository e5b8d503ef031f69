import { afterEach, describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, render } from '../../testing/render';
import { DemandeForm } from './DemandeForm';
import { blankDraft, type Draft } from './draft';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ActeDemandeFields: the act found in the registers, or only described', () => {
  it('« Changer d’acte » forgets the act chosen: the request is recorded with what it describes', async () => {
    fakeBridge({});
    const saved: Draft[] = [];
    const draft = { ...blankDraft('2026-11-23'), acteId: 5, acteType: 'naissance' as Draft['acteType'] };
    await render(
      <DemandeForm
        today="2026-11-23"
        save={async (d) => (saved.push(d), 7)}
        onSaved={() => undefined}
        onCancel={() => undefined}
        edit={{ reference: '2026-4', draft, acte: 'Naissance n° 1/1958 du 14/03/1958 — Jean Louis MARTIN' }}
      />,
    );
    expect(document.body.textContent).toContain('Acte trouvé : Naissance n° 1/1958');
    expect((byLabel('Type d’acte') as unknown as HTMLSelectElement).disabled).toBe(true);
    await click(byText('button', 'Changer d’acte'));
    expect(document.body.textContent).not.toContain('Acte trouvé');
    expect(document.body.textContent).toContain('Acte introuvable ? Ne choisissez rien');
    await click(byText('button', 'Enregistrer et recalculer la décision'));
    expect(saved[0]?.acteId).toBeNull();
  });
});
