import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call } from '../bridge';
import { frDate, KIND_LABEL, type SearchResult } from './types';

/** Find an act of our registers by typing, then pick it (for a mention to apply here). */
export function ActePicker({ label, onPick }: { label: string; onPick: (r: SearchResult) => void }) {
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<SearchResult[]>([]);
  useEffect(() => {
    let live = true;
    if (q.trim())
      void call('etatCivil.search', { q, limit: 8 })
        .then((r) => live && setRows(r.rows.map((a) => ({ ...a, libelle: KIND_LABEL[a.type] }))))
        .catch(() => live && setRows([]));
    else setRows([]);
    return () => {
      live = false;
    };
  }, [q]);
  return (
    <Stack gap={4}>
      <TextInput label={label} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {rows.map((r) => (
        <Group key={r.id} gap="xs">
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => onPick(r)}
            aria-label={`Choisir : ${r.libelle} n° ${r.numero}/${r.annee}, ${r.titulaire}`}
          >
            Choisir
          </Button>
          <Text size="sm">
            {r.libelle} n° {r.numero}/{r.annee} du {frDate(r.date_acte)} — {r.titulaire}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
