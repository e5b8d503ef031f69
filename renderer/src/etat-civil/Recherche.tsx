import { Badge, Button, Group, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorMessage } from '../lib/errors';
import { frDate, STATUT_LABELS, type SearchResult } from './types';
import { VirtualList } from './VirtualList';

/** One field, results as you type (accents and case do not matter); the newest answer never loses to an older one. */
export function Recherche({ onOpen, onIndexer }: { onOpen: (id: number) => void; onIndexer: () => void }) {
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<SearchResult[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!q.trim()) {
      setRows([]);
      setMore(false);
      return;
    }
    call('etatCivil.search', { q, limit: 10_000 })
      .then((r) => {
        if (mine !== seq.current) return;
        setRows(r.rows);
        setMore(r.more);
        setError(null);
      })
      .catch((e: unknown) => mine === seq.current && setError(errorMessage(e)));
  }, [q]);
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
          {rows.length === 0 ? 'Aucun acte trouvé.' : `${rows.length.toLocaleString('fr-FR')}${more ? ' premiers' : ''} acte${rows.length > 1 ? 's' : ''} trouvé${rows.length > 1 ? 's' : ''}.`}
        </Text>
      )}
      {rows.length > 0 && (
        <VirtualList
          items={rows}
          rowHeight={44}
          height={480}
          label="Actes trouvés"
          render={(r) => (
            <UnstyledButton onClick={() => onOpen(r.id)} style={{ display: 'flex', width: '100%', height: '100%', alignItems: 'center', gap: 12, padding: '0 12px', borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
              <Text size="sm" w={150}>{r.libelle}</Text>
              <Text size="sm" w={90}>{frDate(r.date_acte)}</Text>
              <Text size="sm" fw={600} style={{ flex: 1 }} truncate>{r.titulaire}</Text>
              <Text size="sm" w={120}>n° {r.numero} / {r.annee}</Text>
              <Badge color={r.statut === 'saisi' ? 'teal.9' : 'gray.8'} variant="filled" w={80}>{STATUT_LABELS[r.statut]}</Badge>
            </UnstyledButton>
          )}
        />
      )}
    </>
  );
}
