import { Alert, Button, Group, NativeSelect, Paper, Table, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call, type HandlerResult } from '../bridge';
import { PageTitle } from '../components/PageTitle';
import { errorMessage } from '../lib/errors';
import { formatDateTime, formatNumber } from '../lib/format';
import { DateField } from '../components/DateField';

type Page = HandlerResult<'journal.list'>;
interface Filters {
  from: string;
  to: string;
  user: string;
  text: string;
}
const LIMIT = 50;
const EMPTY: Filters = { from: '', to: '', user: '', text: '' };

/** Who did what, when: filtered by dates, user and text, 50 lines per page. */
export function Journal() {
  const [form, setForm] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (f: Filters, off: number) => {
    try {
      setPage(
        await call('journal.list', {
          from: f.from || null,
          to: f.to || null,
          user: f.user || null,
          text: f.text || null,
          limit: LIMIT,
          offset: off,
        }),
      );
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load(applied, offset);
  }, [load, applied, offset]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setApplied({ ...form });
  };
  const set = (k: keyof Filters) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [k]: e.currentTarget.value });
  const total = page?.total ?? 0;

  return (
    <>
      <PageTitle>Journal</PageTitle>
      <Text mb="md">
        Le journal garde la trace de chaque action faite dans Clocher pour cette commune : qui, quoi, quand. Il ne peut
        pas être modifié.
      </Text>
      <Paper withBorder p="md" mb="md">
        <form onSubmit={submit} aria-label="Filtrer le journal">
          <Group align="flex-end" gap="sm">
            <DateField label="Du" value={form.from} onChange={set('from')} />
            <DateField label="Au" value={form.to} onChange={set('to')} />
            <NativeSelect
              label="Utilisateur"
              value={form.user}
              onChange={set('user')}
              data={[{ value: '', label: 'Tous' }, ...(page?.users ?? []).map((u) => ({ value: u, label: u }))]}
            />
            <TextInput label="Texte" value={form.text} onChange={set('text')} />
            <Button type="submit">Filtrer</Button>
            <Button
              variant="default"
              onClick={() => {
                setForm(EMPTY);
                setApplied(EMPTY);
                setOffset(0);
              }}
            >
              Effacer les filtres
            </Button>
          </Group>
        </form>
      </Paper>
      {error && (
        <Alert color="red" variant="light" role="alert" mb="md">
          {error}
        </Alert>
      )}
      {page && (
        <>
          <Text role="status" mb="xs">
            {total === 0
              ? 'Aucune ligne ne correspond.'
              : `Lignes ${formatNumber(offset + 1)} à ${formatNumber(Math.min(offset + LIMIT, total))} sur ${formatNumber(total)}`}
          </Text>
          {total > 0 && (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Date et heure</Table.Th>
                  <Table.Th scope="col">Utilisateur</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</Table.Td>
                    <Table.Td>{r.user_name ?? r.user_login ?? 'Clocher'}</Table.Td>
                    <Table.Td>{r.summary}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group mt="md">
            <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - LIMIT))}>
              Page précédente
            </Button>
            <Button variant="default" disabled={offset + LIMIT >= total} onClick={() => setOffset(offset + LIMIT)}>
              Page suivante
            </Button>
          </Group>
        </>
      )}
    </>
  );
}
