import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { click, render } from '../testing/render';
import { VirtualList } from './VirtualList';

const items = Array.from({ length: 10_000 }, (_, i) => ({ id: i, nom: `Acte ${i}` }));
const drawn: number[] = [];
const renderItem = (it: { id: number; nom: string }) => (drawn.push(it.id), (<span>{it.nom}</span>));

function Parent() {
  const [n, setN] = useState(0);
  return (
    <>
      <button onClick={() => setN(n + 1)}>Autre état ({n})</button>
      <VirtualList items={items} rowHeight={44} height={480} label="Actes" render={renderItem} />
    </>
  );
}

describe('VirtualList (10,000 results, issue 11: ≤ 100 ms)', () => {
  it('draws a screenful; a scroll draws only the rows that came into view; a parent render draws none again', async () => {
    drawn.length = 0;
    await render(<Parent />);
    const first = drawn.length;
    expect(first).toBeGreaterThan(10);
    expect(first).toBeLessThan(25);
    expect(document.querySelectorAll('[role="listitem"]')[0]!.getAttribute('aria-setsize')).toBe('10000');
    drawn.length = 0;
    await click([...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Autre état'))!);
    expect(drawn).toEqual([]); // rows are memoised on their item
    const list = document.querySelector<HTMLElement>('[role="list"]')!;
    await act(async () => {
      list.scrollTop = 44 * 2; // two rows down
      list.dispatchEvent(new Event('scroll'));
    });
    expect(drawn.length).toBeLessThanOrEqual(2);
    expect(drawn.length).toBeGreaterThan(0);
    await act(async () => {
      list.scrollTop = 44 * 5000;
      list.dispatchEvent(new Event('scroll'));
    });
    const shown = [...document.querySelectorAll('[role="listitem"]')].map((e) =>
      Number(e.getAttribute('aria-posinset')),
    );
    expect(Math.min(...shown)).toBeLessThanOrEqual(5001);
    expect(Math.max(...shown)).toBeGreaterThanOrEqual(5011);
    expect(shown.length).toBeLessThan(25);
  });
});
