import { Alert, Button, Group, Loader, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { useLoad } from '../lib/useLoad';
import { DeliberationsTable } from './DeliberationRow';
import { todayIso } from './types';

const PAGE = 25;

export const yearsUpTo = (n = 12): string[] => {
  const y = Number(todayIso().slice(0, 4));
  return Array.from({ length: n }, (_, i) => String(y - i + 1));
};

/** Every délibération, all years: filter by year and text (objet or numéro), page by page. */
export function Deliberations() {
  const [annee, setAnnee] = useState('');
  const [texte, setTexte] = useState('');
  const [query, setQuery] = useState({ annee: '', texte: '', offset: 0 });
  const list = useLoad(
    () =>
      call('conseil.deliberations', {
        annee: query.annee ? Number(query.annee) : null,
        texte: query.texte || null,
        limit: PAGE,
        offset: query.offset,
      }),
    [query],
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ annee, texte: texte.trim(), offset: 0 });
  };
  const total = list.data?.total ?? 0;
  const page = Math.floor(query.offset / PAGE) + 1;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return (
    <Stack>
      <form onSubmit={search} aria-label="Rechercher des délibérations">
        <Group align="flex-end">
          <NativeSelect
            label="Année"
            value={annee}
            onChange={(e) => setAnnee(e.currentTarget.value)}
            data={[{ value: '', label: 'Toutes' }, ...yearsUpTo()]}
          />
          <TextInput label="Objet ou numéro" value={texte} onChange={(e) => setTexte(e.currentTarget.value)} w={320} />
          <Button type="submit">Rechercher</Button>
        </Group>
      </form>
      {list.error && (
        <Alert color="red" variant="light" role="alert">
          {list.error}
        </Alert>
      )}
      {!list.data && !list.error && <Loader aria-label="Chargement des délibérations" />}
      {list.data && (
        <>
          <Text fw={600} aria-live="polite">
            {total === 0 ? 'Aucune délibération ne correspond.' : `${total} délibération${total > 1 ? 's' : ''}`}
          </Text>
          {total > 0 && <DeliberationsTable rows={list.data.rows} canWrite={false} reload={list.reload} withSeance />}
          {pages > 1 && (
            <Group>
              <Button
                variant="default"
                disabled={page <= 1}
                onClick={() => setQuery({ ...query, offset: query.offset - PAGE })}
              >
                ← Page précédente
              </Button>
              <Text>
                Page {page} sur {pages}
              </Text>
              <Button
                variant="default"
                disabled={page >= pages}
                onClick={() => setQuery({ ...query, offset: query.offset + PAGE })}
              >
                Page suivante →
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
