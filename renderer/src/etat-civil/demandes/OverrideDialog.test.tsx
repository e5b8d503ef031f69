import { describe, expect, it } from 'vitest';
import { CallError } from '../../bridge';
import { byLabel, byText, click, flush, render } from '../../testing/render';
import { OverrideDialog } from './OverrideDialog';

const DECISION =
  'Refusée : copie intégrale réservée à la personne, ses ascendants, descendants… (décret n° 2017-890, art. 30).';
const dialog = () => document.querySelector('[role="dialog"]');
const textarea = () => document.querySelector<HTMLTextAreaElement>('textarea:not([aria-hidden])')!;

async function typeArea(el: HTMLTextAreaElement, value: string) {
  const { act } = await import('react');
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  await act(async () => {
    setter?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('OverrideDialog: passing over the decision needs a written reason and a confirmation', () => {
  it('opens on « Annuler » and shows the decision it overrides', async () => {
    await render(
      <OverrideDialog opened decision={DECISION} onCancel={() => undefined} onConfirm={async () => undefined} />,
    );
    await flush();
    expect(dialog()?.textContent).toContain('décret n° 2017-890, art. 30');
    expect(document.activeElement?.textContent).toBe('Annuler');
  });

  it('refuses without a reason, then without the confirmation, and sends the reason once both are given', async () => {
    const sent: string[] = [];
    await render(
      <OverrideDialog
        opened
        decision={DECISION}
        onCancel={() => undefined}
        onConfirm={async (m) => void sent.push(m)}
      />,
    );
    await click(byText('button', 'Autoriser malgré la décision'));
    expect(dialog()?.textContent).toContain('Motif : écrivez au moins 15 caractères (0 pour l’instant).');
    expect(sent).toEqual([]);
    await typeArea(textarea(), '  Mandat écrit présenté au guichet  ');
    await click(byText('button', 'Autoriser malgré la décision'));
    expect(dialog()?.textContent).toContain('Cochez cette case pour confirmer.');
    expect(sent).toEqual([]);
    await click(byLabel('Je confirme autoriser cette délivrance malgré la décision calculée.'));
    await click(byText('button', 'Autoriser malgré la décision'));
    expect(sent).toEqual(['Mandat écrit présenté au guichet']);
  });

  it('keeps the reason typed and shows the core’s refusal', async () => {
    await render(
      <OverrideDialog
        opened
        decision={DECISION}
        onCancel={() => undefined}
        onConfirm={async () => {
          throw new CallError({
            code: 'FORBIDDEN',
            message: 'Seuls la secrétaire et les officiers de l’état civil peuvent passer outre.',
          });
        }}
      />,
    );
    await typeArea(textarea(), 'Pièce d’identité et livret de famille vus');
    await click(byLabel('Je confirme autoriser cette délivrance malgré la décision calculée.'));
    await click(byText('button', 'Autoriser malgré la décision'));
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toContain('Seuls la secrétaire');
    expect(textarea().value).toBe('Pièce d’identité et livret de famille vus');
  });

  it('« Annuler » closes without sending anything', async () => {
    let cancelled = 0;
    const sent: string[] = [];
    await render(
      <OverrideDialog
        opened
        decision={DECISION}
        onCancel={() => cancelled++}
        onConfirm={async (m) => void sent.push(m)}
      />,
    );
    await typeArea(textarea(), 'Un motif bien assez long pour passer');
    await click(byText('button', 'Annuler'));
    expect(cancelled).toBe(1);
    expect(sent).toEqual([]);
  });
});
