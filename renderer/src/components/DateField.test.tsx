import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { byLabel, click, fakeBridge, render, type } from '../testing/render';
import { VoteForm } from '../conseil/VoteForm';
import type { Point, Situation } from '../conseil/types';
import { DateField, parseDateFr, parseTimeFr, TimeField } from './DateField';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A form keeping what the field hands over, as SeanceFormModal does. */
let stored: { date: string; heure: string } = { date: '', heure: '' };
function Form({ initialDate = '' }: { initialDate?: string }) {
  const [date, setDate] = useState(initialDate);
  const [heure, setHeure] = useState('20:30');
  stored = { date, heure };
  return (
    <>
      <DateField label="Date de la séance" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
      <TimeField label="Heure" value={heure} onChange={(e) => setHeure(e.currentTarget.value)} />
    </>
  );
}

const blur = (el: HTMLElement) =>
  act(async () => {
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    el.dispatchEvent(new FocusEvent('blur'));
  });
const errorOf = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('DateField: dates typed as jj/mm/aaaa, never reinterpreted', () => {
  it('typing 15/01/2027 stores 2027-01-15', async () => {
    await render(<Form />);
    const input = byLabel('Date de la séance');
    expect(input.getAttribute('placeholder')).toBe('jj/mm/aaaa');
    expect(input.type).toBe('text');
    await type(input, '15/01/2027');
    expect(stored.date).toBe('2027-01-15');
  });

  it('shows a stored date as jj/mm/aaaa', async () => {
    await render(<Form initialDate="2026-11-27" />);
    expect(byLabel('Date de la séance').value).toBe('27/11/2026');
  });

  it('31/02/2027 is refused with a message, and nothing is stored', async () => {
    await render(<Form />);
    const input = byLabel('Date de la séance');
    await type(input, '31/02/2027');
    await blur(input);
    expect(stored.date).toBe('');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(input)).toContain('Date de la séance : le 31/02/2027 n’existe pas.');
  });

  it('an ISO date or a two-digit year is refused, not guessed', async () => {
    await render(<Form initialDate="2026-11-27" />);
    const input = byLabel('Date de la séance');
    await type(input, '2027-01-15');
    await blur(input);
    expect(stored.date).toBe('');
    expect(errorOf(input)).toMatch(/jj\/mm\/aaaa, par exemple 15\/01\/2027/);
    expect(parseDateFr('15/1/27')).toHaveProperty('error');
    expect(parseDateFr('12/01/2027')).toEqual({ value: '2027-01-12' });
    expect(parseDateFr('29/02/2028')).toEqual({ value: '2028-02-29' });
    expect(parseDateFr('29/02/2027')).toHaveProperty('error');
  });
});

describe('TimeField: 24 h', () => {
  it('types 20:30 and 20h30, refuses 08:30 PM and 24:00', async () => {
    await render(<Form />);
    const input = byLabel('Heure');
    expect(input.value).toBe('20:30');
    await type(input, '8h05');
    expect(stored.heure).toBe('08:05');
    await type(input, '08:30 PM');
    await blur(input);
    expect(stored.heure).toBe('');
    expect(errorOf(input)).toMatch(/Heure : écrivez l’heure sur 24 heures/);
    expect(parseTimeFr('24:00')).toHaveProperty('error');
    expect(parseTimeFr('23:59')).toEqual({ value: '23:59' });
  });
});

describe('VoteForm starts empty', () => {
  it('no count is prefilled; an empty form is not sent', async () => {
    const { calls } = fakeBridge({ 'conseil.vote': () => ({ value: { numero: '2026_001', message: 'Adopté' } }) });
    const situation = {
      attendance: { enExercice: 11, presents: [1, 2, 3], retires: [], representes: [], votants: 3 },
      quorum: { reached: true, required: 2, counted: 3, message: '' },
    } as unknown as Situation;
    const point = {
      id: 10,
      rang: 1,
      titre: 'Budget',
      scrutin: 'main_levee',
      compte_administratif: 0,
    } as unknown as Point;
    await render(<VoteForm point={point} situation={situation} elus={[]} disabled={false} onVoted={() => undefined} />);
    for (const l of ['Pour', 'Contre', 'Abstentions']) expect(byLabel(l).value).toBe('');
    await click([...document.querySelectorAll('button')].find((b) => b.textContent === 'Enregistrer le vote')!);
    expect(calls.filter((c) => c.name === 'conseil.vote')).toHaveLength(0);
    expect(document.querySelector('[role="alert"]')?.textContent).toMatch(/Indiquez le nombre de voix/);
  });
});
