import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { formatDate } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import { statusText, type SyncItem } from './labels';

/** The ACTES classification in use, and « Demander une nouvelle classification » (sync.demanderClassification). */
export function Classification({
  items,
  canWrite,
  onChanged,
}: {
  items: SyncItem[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const classification = useLoad(() => call('conseil.classification'));
  const a = useAction();
  const [done, setDone] = useState(false);
  const last = items.find((i) => i.kind === 'classification');
  const ask = () =>
    a.run(async () => {
      await call('sync.demanderClassification');
      setDone(true);
      onChanged();
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="classification-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="classification-title">
          Classification des actes
        </Title>
        <Text>
          La classification (matières et types de pièces) est fixée par la préfecture. Clocher la reçoit à chaque
          synchronisation et s’en sert pour la matière de chaque délibération.
        </Text>
        <Text>
          <Text span fw={700}>
            Version en service :{' '}
          </Text>
          {classification.data ? `du ${formatDate(classification.data.date)}` : (classification.error ?? '…')}
        </Text>
        {last && (
          <Text size="sm">
            Dernière demande : {last.label} — {statusText(last)}
          </Text>
        )}
        <ErrorAlert>{a.error}</ErrorAlert>
        {done && (
          <Text role="status" c="var(--clocher-color-success)" fw={600}>
            Demande enregistrée : elle partira à la prochaine synchronisation.
          </Text>
        )}
        {canWrite && (
          <Group>
            <Button variant="outline" onClick={() => void ask()} loading={a.busy}>
              Demander une nouvelle classification
            </Button>
          </Group>
        )}
        <Text size="sm">
          À demander quand la préfecture annonce une nouvelle version, ou quand une matière dont vous avez besoin
          manque.
        </Text>
      </Stack>
    </Paper>
  );
}
