import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, flush, render } from '../testing/render';
import { EnvoisAbusifs } from './EnvoisAbusifs';

const SIGNALE = {
  id: 1,
  email: 'relance.auto@example.org',
  motif: 'Le même message automatique plusieurs fois par heure',
  signale_le: '2026-11-20T09:00:00.000Z',
  signale_par: 'Martine Roux',
  leve_le: null,
  leve_par: null,
};
const SUGGESTION = { email: 'robot@example.net', jour: '2026-11-23', objet: 'Réclamation', envois: 7 };
/** A textarea typed into (the shared `type` helper sets inputs only). */
async function typeText(el: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const text = () => document.body.textContent ?? '';
const labels = () => [...document.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);

function core() {
  type Row = Omit<typeof SIGNALE, 'leve_le' | 'leve_par'> & { leve_le: string | null; leve_par: string | null };
  let signalements: Row[] = [SIGNALE];
  return fakeBridge({
    'courrier.abus.list': () => ({
      value: { seuil: 5, seuilDefaut: 5, signalements, suggestions: [SUGGESTION] },
    }),
    'courrier.abus.signaler': (a) => {
      const { signalement } = a as { signalement: { email: string; motif: string } };
      if (signalement.motif.length < 10)
        return {
          error: {
            code: 'INVALID',
            message: '1 champ est à corriger (indiqué en rouge).',
            fields: { motif: 'Motif : écrivez pourquoi ces envois sont abusifs (10 caractères au moins).' },
          },
        };
      signalements = [...signalements, { ...SIGNALE, id: 2, email: signalement.email, motif: signalement.motif }];
      return { value: { id: 2 } };
    },
    'courrier.abus.lever': () => {
      signalements = signalements.map((s) => ({ ...s, leve_le: '2026-11-23T09:00:00.000Z', leve_par: 'Martine Roux' }));
      return { value: null };
    },
  });
}

describe('« Envois abusifs » (CRPA L112-11)', () => {
  it('cites the article; lists the marks with their reason; a suggestion is only a proposal', async () => {
    core();
    await render(<EnvoisAbusifs canWrite />);
    expect(text()).toContain('art. L112-11, dernier alinéa');
    expect(text()).toContain('relance.auto@example.orgLe même message automatique plusieurs fois par heure');
    expect(text()).toContain('7 envois le 23/11/2026 — Réclamation');
    expect(text()).toContain('rien n’est bloqué sans votre décision');
  });

  it('« Signaler… » fills the form from the suggestion; the core’s refusal is shown under the field; then sent', async () => {
    const { calls } = core();
    await render(<EnvoisAbusifs canWrite />);
    await click(byText('button', 'Signaler…'));
    await flush();
    expect(byLabel('Adresse électronique *').value).toBe('robot@example.net');
    expect(byLabel('Motif *').value).toBe('7 envois identiques le 23/11/2026 (objet : Réclamation).');
    expect(document.activeElement).toBe(byLabel('Motif *')); // the keyboard goes on to the reason
    await typeText(byLabel('Motif *'), 'court');
    await click(byText('button', 'Signaler pour envois abusifs'));
    await flush();
    expect(byLabel('Motif *').getAttribute('aria-invalid')).toBe('true');
    expect(text()).toContain('10 caractères au moins');
    await typeText(byLabel('Motif *'), 'Sept fois le même texte en une matinée.');
    await click(byText('button', 'Signaler pour envois abusifs'));
    await flush();
    expect(calls.filter((c) => c.name === 'courrier.abus.signaler').at(-1)?.args).toEqual({
      signalement: { email: 'robot@example.net', motif: 'Sept fois le même texte en une matinée.' },
    });
    expect(document.querySelector('[role="status"]')?.textContent).toBe('Adresse robot@example.net signalée.');
  });

  it('a mark is lifted by its own button; it then reads « Levé le … par … »', async () => {
    const { calls } = core();
    await render(<EnvoisAbusifs canWrite />);
    await click(
      document.querySelector<HTMLButtonElement>(
        'button[aria-label="Lever le signalement de relance.auto@example.org"]',
      )!,
    );
    await flush();
    expect(calls.filter((c) => c.name === 'courrier.abus.lever').map((c) => c.args)).toEqual([{ signalementId: 1 }]);
    expect(text()).toMatch(/Levé le 23\/11\/2026 à \d\d:\d\d par Martine Roux/);
  });

  it('the maire and the adjoints read it, without any button to act', async () => {
    core();
    await render(<EnvoisAbusifs canWrite={false} />);
    expect(text()).toContain('En vigueur');
    expect(labels().filter(Boolean)).toEqual([]);
  });
});
