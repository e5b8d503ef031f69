import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { FONCTION_LABELS } from '../components/EluFields';
import { fonction as accordFonction } from '../lib/accord';
import { formatDate } from '../lib/format';
import { EluModal } from './EluModal';
import { READ_ONLY_NOTE } from './SaveBar';
import type { Dossier } from './Settings';

type EluRow = Dossier['elus'][number];

// Agreed with the civilité: « 1re adjointe », « Conseillère municipale ».
const fonction = (e: EluRow) =>
  e.fonction === 'adjoint' && e.rang_adjoint
    ? `${e.rang_adjoint === 1 ? (e.civilite === 'Mme' ? '1re' : '1er') : `${e.rang_adjoint}e`} ${accordFonction('adjoint', e.civilite)}`
    : e.fonction in FONCTION_LABELS
      ? capitalize(accordFonction(e.fonction, e.civilite))
      : e.fonction;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function ElusTab({
  dossier,
  canWrite,
  onSaved,
}: {
  dossier: Dossier;
  canWrite: boolean;
  onSaved: (d: Dossier) => void;
}) {
  // undefined: closed; null: new élu; a row: that élu
  const [editing, setEditing] = useState<EluRow | null | undefined>(undefined);
  return (
    <Stack>
      <Text>Le maire, les adjoints et les conseillers municipaux, avec leurs dates de mandat.</Text>
      {!canWrite && <Text fw={600}>{READ_ONLY_NOTE}</Text>}
      {canWrite && (
        <Group>
          <Button onClick={() => setEditing(null)}>Ajouter un élu</Button>
        </Group>
      )}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Nom</Table.Th>
            <Table.Th scope="col">Fonction</Table.Th>
            <Table.Th scope="col">Mandat</Table.Th>
            {canWrite && <Table.Th scope="col">Action</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dossier.elus.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                {e.civilite} {e.prenom} {e.nom}
              </Table.Td>
              <Table.Td>{fonction(e)}</Table.Td>
              <Table.Td>
                depuis le {formatDate(e.mandat_debut)}
                {e.mandat_fin ? `, jusqu’au ${formatDate(e.mandat_fin)}` : ''}
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setEditing(e)}
                    aria-label={`Modifier ${e.prenom} ${e.nom}`}
                  >
                    Modifier
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing !== undefined && (
        <EluModal
          key={editing?.id ?? 'new'}
          elu={editing}
          opened
          onClose={() => setEditing(undefined)}
          onSaved={onSaved}
        />
      )}
    </Stack>
  );
}
