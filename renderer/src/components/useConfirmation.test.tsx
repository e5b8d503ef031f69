import { afterEach, describe, expect, it } from 'vitest';
import { Button } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { byText, click, fakeBridge, flush, render } from '../testing/render';
import { useConfirmation } from './useConfirmation';

afterEach(() => {
  document.body.innerHTML = '';
});

function Publish() {
  const { confirmed, dialog } = useConfirmation();
  const [out, setOut] = useState('');
  return (
    <>
      <Button
        onClick={() =>
          void confirmed(['confirm', 'confirmNonSignee'], (f) =>
            call('conseil.publishDeliberation', { deliberationId: 1, debut: '2026-11-27', ...f }),
          ).then((r) => setOut(r.cancelled ? 'annulé' : 'publié'))
        }
      >
        Publier…
      </Button>
      <p data-testid="out">{out}</p>
      {dialog}
    </>
  );
}

describe('useConfirmation: the core asks, the secrétaire answers', () => {
  const core = () =>
    fakeBridge({
      'conseil.publishDeliberation': (args) => {
        const a = args as { confirm?: boolean; confirmNonSignee?: boolean };
        if (!a.confirm)
          return { error: { code: 'CONFIRM', message: 'Publier la rend exécutoire (art. L2131-1 CGCT). Confirmer ?' } };
        if (!a.confirmNonSignee)
          return {
            error: { code: 'CONFIRM', message: 'Pas encore signée (art. L2121-23 CGCT). La publier quand même ?' },
          };
        return { value: {} };
      },
    });
  it('shows each message, the dialog opening on « Annuler »; two confirmations publish', async () => {
    const { calls } = core();
    await render(<Publish />);
    await click(byText('button', 'Publier…'));
    await flush();
    expect(document.querySelector('[role="dialog"]')?.textContent).toMatch(/L2131-1/);
    expect(document.activeElement?.textContent).toBe('Annuler');
    await click(byText('button', 'Confirmer'));
    await flush();
    expect(document.querySelector('[role="dialog"]')?.textContent).toMatch(/L2121-23/);
    await click(byText('button', 'Confirmer'));
    await flush();
    expect(calls.map((c) => c.args)).toEqual([
      { deliberationId: 1, debut: '2026-11-27' },
      { deliberationId: 1, debut: '2026-11-27', confirm: true },
      { deliberationId: 1, debut: '2026-11-27', confirm: true, confirmNonSignee: true },
    ]);
    expect(document.querySelector('[data-testid="out"]')?.textContent).toBe('publié');
  });
  it('« Annuler » stops there: nothing is sent with a confirmation', async () => {
    const { calls } = core();
    await render(<Publish />);
    await click(byText('button', 'Publier…'));
    await flush();
    await click(byText('button', 'Annuler'));
    await flush();
    expect(calls).toHaveLength(1);
    expect(document.querySelector('[data-testid="out"]')?.textContent).toBe('annulé');
  });
});
