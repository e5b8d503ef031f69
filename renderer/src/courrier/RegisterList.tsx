import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorMessage } from '../lib/errors';
import { ASSIGNE_OPTIONS, CANAL_OPTIONS, jour, label, ref, STATUT_OPTIONS } from './labels';

type Result = HandlerResult<'courrier.search'>;
const YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 12 }, (_, i) => String(YEAR - i));

/** The register: search as you type (accents and case ignored), filters, newest first. */
export function RegisterList({
  onOpen,
  onNew,
  canWrite,
}: {
  onOpen: (id: number) => void;
  onNew: () => void;
  canWrite: boolean;
}) {
  const [text, setText] = useState('');
  const [f, setF] = useState<Record<string, string | null>>({
    sens: null,
    statut: null,
    annee: null,
    canal: null,
    assigne: null,
  });
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      call('courrier.search', {
        text: text || null,
        sens: (f.sens as 'arrivee' | 'depart' | null) ?? null,
        statut: (f.statut as 'a_traiter' | null) ?? null,
        annee: f.annee ? Number(f.annee) : null,
        canal: (f.canal as 'papier' | null) ?? null,
        assigne: (f.assigne as 'maire' | null) ?? null,
        limit: 50,
      })
        .then((r) => live && (setResult(r), setError(null)))
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [text, f]);
  const set = (k: string) => (v: string | null) => setF((o) => ({ ...o, [k]: v }));
  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <TextInput
          label="Rechercher"
          description="Objet, correspondant, texte des pièces jointes"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={320}
        />
        <Select
          label="Sens"
          data={[
            { value: 'arrivee', label: 'Arrivée' },
            { value: 'depart', label: 'Départ' },
          ]}
          value={f.sens ?? null}
          onChange={set('sens')}
          clearable
          w={120}
        />
        <Select
          label="Statut"
          data={STATUT_OPTIONS}
          value={f.statut ?? null}
          onChange={set('statut')}
          clearable
          w={140}
        />
        <Select label="Année" data={YEARS} value={f.annee ?? null} onChange={set('annee')} clearable w={110} />
        <Select label="Canal" data={CANAL_OPTIONS} value={f.canal ?? null} onChange={set('canal')} clearable w={220} />
        <Select
          label="Attribué à"
          data={ASSIGNE_OPTIONS}
          value={f.assigne ?? null}
          onChange={set('assigne')}
          clearable
          w={150}
        />
        {canWrite && <Button onClick={onNew}>Enregistrer un courrier arrivé</Button>}
      </Group>
      <ErrorAlert>{error}</ErrorAlert>
      {result && (
        <Text size="sm" aria-live="polite">
          {result.capped ? 'Plus de ' : ''}
          {result.total.toLocaleString('fr-FR')} courrier{result.total > 1 ? 's' : ''}
          {result.total > result.rows.length ? ` (les ${result.rows.length} plus récents affichés)` : ''}
        </Text>
      )}
      {result && result.rows.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Correspondant</Table.Th>
              <Table.Th>Objet</Table.Th>
              <Table.Th>Canal</Table.Th>
              <Table.Th>Statut</Table.Th>
              <Table.Th>Échéance</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => onOpen(r.id)}
                    aria-label={`Ouvrir le courrier ${ref(r)}`}
                  >
                    {ref(r)}
                  </Button>
                </Table.Td>
                <Table.Td>{jour(r.date_enregistrement)}</Table.Td>
                <Table.Td>{r.correspondant}</Table.Td>
                <Table.Td>
                  {r.objet}
                  {r.sans_accuse_motif && (
                    <Text size="xs" fw={600}>
                      {r.sans_accuse_motif}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{label(CANAL_OPTIONS, r.canal)}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="dark">
                    {label(STATUT_OPTIONS, r.statut)}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.decision_implicite ? jour(r.decision_implicite) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
