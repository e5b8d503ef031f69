import { useState, type ReactNode } from 'react';

/**
 * A list that draws only the rows in view (fixed row height), so 10,000 results render at once (issue 11:
 * ≤ 100 ms). Rows keep their place in the accessibility tree through aria-setsize / aria-posinset.
 */
export function VirtualList<T>({ items, rowHeight, height, label, render }: { items: readonly T[]; rowHeight: number; height: number; label: string; render: (item: T, index: number) => ReactNode }) {
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - 5);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + 5);
  return (
    <div role="list" aria-label={label} tabIndex={0} style={{ height: Math.min(height, items.length * rowHeight + 2), overflowY: 'auto', position: 'relative', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((it, k) => (
          <div key={first + k} role="listitem" aria-setsize={items.length} aria-posinset={first + k + 1} style={{ position: 'absolute', top: (first + k) * rowHeight, height: rowHeight, left: 0, right: 0 }}>
            {render(it, first + k)}
          </div>
        ))}
      </div>
    </div>
  );
}
