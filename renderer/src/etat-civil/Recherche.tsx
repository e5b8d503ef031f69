import { Button, Group, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { flushSync } from 'react-dom';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorMessage } from '../lib/errors';
import { frDate, KIND_LABEL, STATUT_LABELS, type SearchHit } from './types';
import { VirtualList } from './VirtualList';

/** One field, results as you type (accents and case do not matter); the newest answer never loses to an older one. */
export function Recherche({ onOpen, onIndexer }: { onOpen: (id: number) => void; onIndexer: () => void }) {
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<SearchHit[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const open = useRef(onOpen);
  open.current = onOpen;
  // one stable function: the list's memoised rows are not drawn again when the parent renders
  const renderRow = useCallback((r: SearchHit) => <ActeRow r={r} onOpen={(id) => open.current(id)} />, []);
  useEffect(() => {
    const mine = ++seq.current;
    if (!q.trim()) {
      setRows([]);
      setMore(false);
      return;
    }
    call('etatCivil.search', { q, limit: 10_000 })
      .then((r) => {
        performance.mark('etat-civil:resultats'); // the reply parsed, before React draws it (bench: scripts/bench.ts)
        if (mine !== seq.current) return;
        // Drawn in this very task: left to React's scheduler, the render waited 65–220 ms for a later task, behind
        // the browser's own work after a large reply (measured with these marks under load; scripts/bench.ts).
        flushSync(() => {
          setRows(r.rows);
          setMore(r.more);
          setError(null);
        });
      })
      .catch((e: unknown) => mine === seq.current && setError(errorMessage(e)));
  }, [q]);
  // committed to the DOM, before layout and paint (bench: scripts/bench.ts splits the wait with these marks)
  useLayoutEffect(() => void (rows.length && performance.mark('etat-civil:dessinee')), [rows]);
  return (
    <>
      <Group align="flex-end" mb="sm">
        <TextInput
          style={{ flex: 1 }}
          label="Rechercher un acte"
          description="Nom (de naissance ou d’usage), prénom, noms des parents, année ou période (1980-1990), type (naissance, mariage, décès…)"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          autoFocus
          data-autofocus
        />
        <Button variant="light" onClick={onIndexer}>
          Indexer un acte
        </Button>
      </Group>
      <ErrorAlert>{error}</ErrorAlert>
      {q.trim() && (
        <Text size="sm" mb="xs" aria-live="polite">
          {rows.length === 0
            ? 'Aucun acte trouvé.'
            : `${rows.length.toLocaleString('fr-FR')}${more ? ' premiers' : ''} acte${rows.length > 1 ? 's' : ''} trouvé${rows.length > 1 ? 's' : ''}.`}
        </Text>
      )}
      {rows.length > 0 && (
        <VirtualList items={rows} rowHeight={44} height={480} label="Actes trouvés" render={renderRow} />
      )}
    </>
  );
}

/**
 * A result row in plain elements with constant styles: the list draws a screenful of them at once after each
 * keystroke, and Mantine's components (props resolution, theme lookups) cost several times more per row.
 */
const S: Record<'row' | 'libelle' | 'date' | 'titulaire' | 'numero' | 'badge', CSSProperties> = {
  row: {
    display: 'flex',
    width: '100%',
    height: '100%',
    alignItems: 'center',
    gap: 12,
    padding: '0 12px',
    border: 0,
    borderBottom: '1px solid var(--mantine-color-gray-2)',
    background: 'none',
    font: 'inherit',
    fontSize: 'var(--mantine-font-size-sm)',
    color: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
  },
  libelle: { width: 150, flex: 'none' },
  date: { width: 90, flex: 'none' },
  titulaire: { flex: 1, fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  numero: { width: 120, flex: 'none' },
  badge: {
    width: 80,
    flex: 'none',
    textAlign: 'center',
    borderRadius: 16,
    color: 'white',
    fontSize: 11,
    fontWeight: 700,
    textTransform: 'uppercase',
    lineHeight: '20px',
  },
};
const BADGE_BG = { saisi: 'var(--mantine-color-teal-9)', indexe: 'var(--mantine-color-gray-8)' } as const;

function ActeRow({ r, onOpen }: { r: SearchHit; onOpen: (id: number) => void }) {
  return (
    <button type="button" className="ec-acte" style={S.row} onClick={() => onOpen(r.id)}>
      <span style={S.libelle}>{KIND_LABEL[r.type]}</span>
      <span style={S.date}>{frDate(r.date_acte)}</span>
      <span style={S.titulaire}>{r.titulaire}</span>
      <span style={S.numero}>
        n° {r.numero} / {r.annee}
      </span>
      <span style={{ ...S.badge, background: BADGE_BG[r.statut] }}>{STATUT_LABELS[r.statut]}</span>
    </button>
  );
}
