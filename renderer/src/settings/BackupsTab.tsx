import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { useAction } from '../lib/useAction';
import { formatDateTime } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import { BackupTable } from '../restore/BackupTable';
import { TransferPanel } from './TransferPanel';

export function BackupsTab({ onRestored }: { onRestored: () => Promise<void> }) {
  const list = useLoad(() => call('backup.list'));
  const a = useAction();
  const [done, setDone] = useState<string | null>(null);

  const create = () =>
    void a.run(async () => {
      const b = await call('backup.create');
      setDone(`Sauvegarde faite le ${formatDateTime(b.createdAt)}.`);
      await list.reload();
    });

  return (
    <Stack>
      <Text>
        Clocher sauvegarde le dossier de la commune chaque jour et avant chaque mise à jour. Les sauvegardes sont
        chiffrées avec la clé de cet ordinateur : elles ne s'ouvrent que sur lui. Pour garder une copie hors de la
        mairie ou changer de PC, utilisez «&nbsp;Exporter pour un autre PC&nbsp;».
      </Text>
      <Group>
        <Button onClick={create} loading={a.busy}>
          Faire une sauvegarde maintenant
        </Button>
        <Text role="status" fw={600} c="var(--clocher-color-success)">
          {done}
        </Text>
      </Group>
      {(a.error ?? list.error) && (
        <Alert color="red" variant="light" role="alert">
          {a.error ?? list.error}
        </Alert>
      )}
      {!list.data && !list.error && <Loader aria-label="Chargement des sauvegardes" />}
      {list.data && (
        <BackupTable
          backups={list.data}
          canRestore
          onRestored={() => {
            void list.reload();
            void onRestored();
          }}
        />
      )}
      <TransferPanel onImported={onRestored} />
    </Stack>
  );
}
