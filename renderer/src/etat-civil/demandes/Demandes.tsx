import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../lib/useLoad';
import { api, attente, demandeurNom } from './api';
import { DemandeForm } from './DemandeForm';
import { DemandePage } from './DemandePage';
import { CANAUX, jour, label, QUALITES, STATUT_COLORS, STATUTS } from './labels';

const today = () => new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });
const FILTRES = [
  { value: '', label: 'Toutes' },
  { value: 'en_cours', label: 'En cours (pas encore remises)' },
  ...STATUTS,
];
const EN_COURS = new Set(['recue', 'incomplete', 'a_produire', 'produite']);

/** The counter: the requests (filters, what each waits for), a new one, one opened with its decision. */
export function Demandes({ onOpenActe }: { onOpenActe?: (acteId: number) => void }) {
  const list = useLoad(() => api.list());
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [statut, setStatut] = useState('en_cours');
  const [canal, setCanal] = useState('');
  const [q, setQ] = useState('');
  const rows = useMemo(() => filter(list.data ?? [], statut, canal, q), [list.data, statut, canal, q]);
  if (open)
    return (
      <>
        <Button variant="subtle" mb="sm" onClick={() => (setOpen(null), void list.reload())}>
          ← Retour aux demandes
        </Button>
        <DemandePage id={open} onOpenActe={onOpenActe} />
      </>
    );
  if (creating)
    return (
      <DemandeForm
        today={today()}
        save={api.create}
        onCancel={() => setCreating(false)}
        onSaved={(id) => (setCreating(false), setOpen(id))}
      />
    );
  const c = list.data && compteurs(list.data, today());
  return (
    <>
      <ErrorAlert>{list.error}</ErrorAlert>
      {c && (
        <SimpleGrid cols={{ base: 2, md: 4 }} mb="md" aria-label="Demandes en attente">
          <Tile
            n={c.incompletes}
            one="incomplète : complément à demander ou attendu"
            many="incomplètes : complément à demander ou attendu"
          />
          <Tile n={c.aProduire} one="à produire" many="à produire" />
          <Tile n={c.aRemettre} one="à remettre ou à envoyer" many="à remettre ou à envoyer" />
          <Tile n={c.delivreesCeMois} one="délivrée ce mois-ci" many="délivrées ce mois-ci" />
        </SimpleGrid>
      )}
      <Group align="flex-end" mb="sm">
        <Button onClick={() => setCreating(true)}>Nouvelle demande</Button>
        <NativeSelect label="Statut" data={FILTRES} value={statut} onChange={(e) => setStatut(e.currentTarget.value)} />
        <NativeSelect
          label="Canal"
          data={[{ value: '', label: 'Tous' }, ...CANAUX]}
          value={canal}
          onChange={(e) => setCanal(e.currentTarget.value)}
        />
        <TextInput label="Demandeur ou personne de l’acte" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      </Group>
      <Text size="sm" mb="xs" aria-live="polite">
        {rows.length === 0 ? 'Aucune demande.' : `${rows.length} demande${rows.length > 1 ? 's' : ''}.`}
      </Text>
      {rows.length > 0 && (
        <Table striped highlightOnHover aria-label="Demandes d’actes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Reçue le</Table.Th>
              <Table.Th>Canal</Table.Th>
              <Table.Th>Demandeur</Table.Th>
              <Table.Th>Document et acte</Table.Th>
              <Table.Th>Statut</Table.Th>
              <Table.Th>En attente</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => setOpen(r.id)}
                    aria-label={`Ouvrir la demande ${r.reference} de ${demandeurNom(r)}`}
                  >
                    {r.reference}
                  </Button>
                </Table.Td>
                <Table.Td>{jour(r.recueLe)}</Table.Td>
                <Table.Td>{label(CANAUX, r.canal)}</Table.Td>
                <Table.Td>
                  {demandeurNom(r)}
                  <Text size="xs">
                    {r.demandeur.qualite ? label(QUALITES, r.demandeur.qualite) : 'qualité non précisée'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {capital(r.objet)}
                  {r.exemplaires > 1 ? ` (${r.exemplaires} exemplaires)` : ''}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="filled" color={STATUT_COLORS[r.statut] ?? 'gray.8'}>
                    {label(STATUTS, r.statut)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{capital(attente(r) ?? '')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function Tile({ n, one, many }: { n: number; one: string; many: string }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={700} size="xl">
        {n}
      </Text>
      <Text size="sm">{n > 1 ? many : one}</Text>
    </Paper>
  );
}

type Row = Awaited<ReturnType<typeof api.list>>[number];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The tiles: what waits, and what was delivered in the Paris month of today. */
function compteurs(rows: Row[], day: string) {
  const n = (p: (r: Row) => boolean) => rows.filter(p).length;
  return {
    incompletes: n(
      (r) =>
        r.statut === 'incomplete' ||
        (r.statut === 'recue' && (r.decision as { outcome?: string } | null)?.outcome === 'incomplete'),
    ),
    aProduire: n((r) => r.statut === 'a_produire'),
    aRemettre: n((r) => r.statut === 'produite'),
    delivreesCeMois: n(
      (r) => (r.statut === 'remise' || r.statut === 'envoyee') && (r.remiseLe ?? '').slice(0, 7) === day.slice(0, 7),
    ),
  };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function filter(rows: Row[], statut: string, canal: string, q: string): Row[] {
  const needle = fold(q.trim());
  return rows.filter(
    (r) =>
      (!statut || (statut === 'en_cours' ? EN_COURS.has(r.statut) : r.statut === statut)) &&
      (!canal || r.canal === canal) &&
      (!needle ||
        fold(`${demandeurNom(r)} ${r.renseignements.nom ?? ''} ${r.renseignements.prenoms ?? ''} ${r.objet}`).includes(
          needle,
        )),
  );
}
