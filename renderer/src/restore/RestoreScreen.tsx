import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { call, type ErrorValue } from '../bridge';
import { PageTitle } from '../components/PageTitle';
import { can, type Permissions } from '../lib/status';
import { useLoad } from '../lib/useLoad';
import { BackupTable } from './BackupTable';

interface Props {
  problem: ErrorValue;
  communeName: string;
  perms: Permissions;
  onRestored: () => void | Promise<void>;
}

/** Shown instead of the pages when the commune's file cannot be opened. Never a crash, never a dead end. */
export function RestoreScreen({ problem, communeName, perms, onRestored }: Props) {
  if (problem.code === 'DB_TOO_NEW')
    return (
      <Stack>
        <PageTitle>Le dossier de {communeName} vient d’une version plus récente de Clocher</PageTitle>
        <Alert color="orange" variant="light" role="alert">
          {problem.message}
        </Alert>
        <Text>
          Ce dossier a été enregistré par une version de Clocher plus récente que celle installée sur cet ordinateur.
          Pour ne rien abîmer, Clocher ne l’ouvre pas. Installez la dernière version de Clocher, ou appelez le support :
          il vous aidera.
        </Text>
      </Stack>
    );
  return (
    <Stack>
      <PageTitle>Le dossier de {communeName} est endommagé</PageTitle>
      <Alert color="red" variant="light" role="alert">
        {problem.message}
      </Alert>
      <Text>
        Clocher n’arrive pas à lire le fichier de cette commune (panne de disque, coupure de courant pendant un
        enregistrement…). Vous pouvez revenir à une sauvegarde : choisissez de préférence la plus récente marquée «
        Utilisable ». Le fichier actuel est gardé de côté, rien n’est supprimé.
      </Text>
      {can(perms, 'backup.manage') ? (
        <Backups onRestored={onRestored} />
      ) : (
        <Text fw={600}>Seule la secrétaire de mairie (ou le support) peut restaurer une sauvegarde.</Text>
      )}
    </Stack>
  );
}

function Backups({ onRestored }: { onRestored: () => void | Promise<void> }) {
  const list = useLoad(() => call('backup.list'));
  return (
    <>
      <Title order={2} size="h4">
        Sauvegardes disponibles
      </Title>
      {list.error && (
        <Alert color="red" variant="light" role="alert">
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data && <Loader aria-label="Chargement des sauvegardes" />}
      {list.data && <BackupTable backups={list.data} canRestore onRestored={() => void onRestored()} />}
    </>
  );
}
