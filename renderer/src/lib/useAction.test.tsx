import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { call } from '../bridge';
import { byText, click, fakeBridge, render } from '../testing/render';
import { useAction } from './useAction';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A form like every form of the window: one submit hook, the core's message and field messages, nothing typed lost. */
function Form() {
  const a = useAction();
  const [after, setAfter] = useState('');
  const submit = a.submit(
    () => call('settings.set', { lockMinutes: 500 }),
    (ok, fields) => setAfter(`${ok ? 'ok' : 'refusé'} ${Object.keys(fields).join(',')}`),
  );
  return (
    <form onSubmit={submit}>
      <input aria-label="Délai" defaultValue="500" aria-invalid={!!a.fields.lockMinutes} />
      <p data-testid="error">{a.error}</p>
      <p data-testid="code">{a.code}</p>
      <p data-testid="field">{a.fields.lockMinutes}</p>
      <p data-testid="after">{after}</p>
      <button type="submit">Enregistrer</button>
    </form>
  );
}

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent;

describe('useAction: the one submit hook', () => {
  it('keeps the core’s French message, its code and the field messages, and tells the form what went wrong', async () => {
    const message = 'Le délai de verrouillage doit être entre 1 et 120 minutes.';
    fakeBridge({
      'settings.set': () => ({
        error: { code: 'INVALID', message, fields: { lockMinutes: 'Entre 1 et 120 minutes.' } },
      }),
    });
    await render(<Form />);
    await click(byText('button', 'Enregistrer'));
    expect(text('error')).toBe(message);
    expect(text('code')).toBe('INVALID');
    expect(text('field')).toBe('Entre 1 et 120 minutes.');
    expect(text('after')).toBe('refusé lockMinutes');
    expect((document.querySelector('input') as HTMLInputElement).value).toBe('500');
  });

  it('clears the messages once the core accepts', async () => {
    fakeBridge({ 'settings.set': () => ({ value: { lockMinutes: 20 } }) });
    await render(<Form />);
    await click(byText('button', 'Enregistrer'));
    expect(text('error')).toBe('');
    expect(text('after')).toBe('ok ');
  });
});
