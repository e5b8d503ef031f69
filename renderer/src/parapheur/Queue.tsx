import { Alert, Button, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../lib/useLoad';
import { DocumentCard } from './DocumentCard';
import { ImportForm } from './ImportForm';
import { STATUTS, type Statut } from './types';

/** « À traiter »: the queue by status, with the documents brought in from the conseil and the imported files. */
export function Queue({ canWrite, canSign, onSeance }: { canWrite: boolean; canSign: boolean; onSeance: () => void }) {
  const list = useLoad(() => call('parapheur.list', {}));
  const elus = useLoad(async () => (await call('commune.get')).elus);
  const [statut, setStatut] = useState<Statut>(canWrite ? 'a_viser' : 'a_signer');
  const docs = list.data ?? [];
  const shown = docs.filter((d) => d.statut === statut);
  const count = (s: Statut) => docs.filter((d) => d.statut === s).length;
  return (
    <Stack>
      <ErrorAlert>{list.error}</ErrorAlert>
      <Group justify="space-between" align="center">
        <SegmentedControl
          size="md"
          aria-label="Documents à afficher"
          value={statut}
          onChange={(v) => setStatut(v as Statut)}
          data={STATUTS.map((s) => ({ value: s.id, label: `${s.label} (${count(s.id)})` }))}
        />
        {canSign && count('a_signer') > 0 && (
          <Button size="md" onClick={onSeance}>
            Ouvrir la séance de signature
          </Button>
        )}
      </Group>
      {list.loading && !list.data && <Loader aria-label="Chargement du parapheur" />}
      {list.data && shown.length === 0 && (
        <Alert color="gray" variant="light">
          {STATUTS.find((s) => s.id === statut)!.vide}
        </Alert>
      )}
      {list.data && statut === 'a_viser' && shown.length > 0 && canWrite && (
        <Text size="sm">Le visa du secrétariat vérifie le document avant qu’il parte à la signature de l’élu.</Text>
      )}
      {shown.map((d) => (
        <DocumentCard
          key={d.id}
          doc={d}
          elus={elus.data ?? []}
          canWrite={canWrite}
          canSign={canSign}
          reload={list.reload}
          onSeance={onSeance}
        />
      ))}
      {canWrite && (
        <ImportForm
          onImported={async () => {
            setStatut('a_viser');
            await list.reload();
          }}
        />
      )}
    </Stack>
  );
}
