import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { formatDateTime, formatSize } from '../lib/format';

export type Backup = HandlerResult<'backup.list'>[number];

export const KIND_LABELS: Record<string, string> = {
  quotidienne: 'quotidienne',
  'avant-migration': 'avant mise à jour',
  manuelle: 'manuelle',
  'avant-restauration': 'avant restauration',
};

interface Props {
  backups: Backup[];
  canRestore: boolean;
  onRestored: () => void;
}

/** The backups, newest first, each with the verdict of the core's check, and a confirmed restore. */
export function BackupTable({ backups, canRestore, onRestored }: Props) {
  const [chosen, setChosen] = useState<Backup | null>(null);
  const a = useAction();
  const [done, setDone] = useState<string | null>(null);

  const restore = () =>
    void a.run(async () => {
      if (!chosen) return;
      const r = await call('backup.restore', { file: chosen.file });
      const kept = r.kept ? ` L’ancien fichier est conservé à part (${r.kept}).` : '';
      setDone(`La sauvegarde du ${formatDateTime(chosen.createdAt)} a été restaurée.${kept}`);
      setChosen(null);
      onRestored();
    });

  if (backups.length === 0)
    return <Text>Aucune sauvegarde pour l’instant. Clocher en fait une chaque jour, et avant chaque mise à jour.</Text>;
  return (
    <>
      {done && (
        <Text role="status" fw={600} mb="sm">
          {done}
        </Text>
      )}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Taille</Table.Th>
            <Table.Th scope="col">État</Table.Th>
            {canRestore && <Table.Th scope="col">Action</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((b) => (
            <Table.Tr key={b.file}>
              <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
              <Table.Td>{KIND_LABELS[b.kind] ?? b.kind}</Table.Td>
              <Table.Td>{formatSize(b.size)}</Table.Td>
              <Table.Td>
                {b.usable ? 'Utilisable' : <Text c="red.9" size="sm">{`Inutilisable : ${b.problem}`}</Text>}
              </Table.Td>
              {canRestore && (
                <Table.Td>
                  {b.usable && (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`Restaurer cette sauvegarde (${formatDateTime(b.createdAt)})`}
                      onClick={() => {
                        a.clear();
                        setChosen(b);
                      }}
                    >
                      Restaurer cette sauvegarde
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={!!chosen}
        onClose={() => setChosen(null)}
        title="Restaurer cette sauvegarde ?"
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {chosen && (
          <Stack>
            <Text>
              Le dossier de la commune va revenir à son état du <strong>{formatDateTime(chosen.createdAt)}</strong>. Ce
              qui a été saisi depuis n’y figurera plus.
            </Text>
            <Text>
              Le fichier actuel est conservé à part : rien n’est supprimé, le support pourra toujours le récupérer.
            </Text>
            <ErrorAlert>{a.error}</ErrorAlert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)}>
                Annuler
              </Button>
              <Button onClick={restore} loading={a.busy}>
                Restaurer
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
