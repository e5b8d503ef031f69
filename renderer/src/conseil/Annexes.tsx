import { Button, FileButton, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatSize } from '../lib/format';
import { downloadPdf, uploadFile } from './files';
import type { Point } from './types';
import { useAction } from '../lib/useAction';

/** The annexes of an item: each a readable PDF (checked by the core), sent in chunks with a progress bar. */
export function Annexes({ point, editable, reload }: { point: Point; editable: boolean; reload: () => Promise<void> }) {
  const [progress, setProgress] = useState<{ nom: string; ratio: number } | null>(null);
  const a = useAction();
  const add = async (file: File | null) => {
    if (!file) return;
    await a.run(async () => {
      try {
        setProgress({ nom: file.name, ratio: 0 });
        const uploadId = await uploadFile(file, (ratio) => setProgress({ nom: file.name, ratio }));
        await call('conseil.addAnnexe', { pointId: point.id, uploadId });
      } finally {
        setProgress(null);
      }
      await reload();
    });
  };
  const open = (sha256: string, nom: string) =>
    a.run(async () => downloadPdf({ ...(await call('documents.get', { sha256 })), nom }));
  return (
    <Stack gap={4}>
      {point.annexes.length > 0 && (
        <List size="sm" spacing={2}>
          {point.annexes.map((x) => (
            <List.Item key={x.id}>
              <Group gap="xs">
                <Text size="sm">
                  Annexe : {x.nom} ({x.pages} page{x.pages > 1 ? 's' : ''}, {formatSize(x.taille)})
                </Text>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => void open(x.sha256, x.nom)}
                  aria-label={`Télécharger l’annexe ${x.nom}`}
                >
                  Télécharger
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {progress && (
        <Stack gap={2}>
          <Text size="sm">Envoi de « {progress.nom} »…</Text>
          <Progress value={Math.round(progress.ratio * 100)} aria-label={`Envoi de ${progress.nom}`} />
        </Stack>
      )}
      {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
      {editable && (
        <Group>
          <FileButton onChange={(f) => void add(f)} accept="application/pdf,.pdf">
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                loading={a.busy}
                aria-label={`Ajouter une annexe PDF au point ${point.rang}`}
              >
                Ajouter une annexe (PDF)
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
