import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../lib/useLoad';
import { jour } from './labels';

const when = (e: { overdue: boolean; joursOuvres: number; due: string }, today: string) => {
  if (e.overdue) return `En retard : échéance du ${jour(e.due)}`;
  if (e.due === today) return 'Aujourd’hui';
  return `Le ${jour(e.due)}, dans ${e.joursOuvres} jour${e.joursOuvres > 1 ? 's' : ''} ouvré${e.joursOuvres > 1 ? 's' : ''}`;
};

/** « À faire » of the register: acknowledgements owed and implicit decisions in the next 15 days, late ones in red. */
export function Echeances({ onOpen }: { onOpen: (id: number) => void }) {
  const list = useLoad(() => call('courrier.echeances', {}));
  if (list.error) return <ErrorAlert>{list.error}</ErrorAlert>;
  if (!list.data) return null;
  const { today, echeances } = list.data;
  if (!echeances.length)
    return <Text>Aucun accusé de réception à envoyer ni décision implicite dans les quinze prochains jours.</Text>;
  return (
    <Stack gap="xs">
      {echeances.map((e) => (
        <Paper
          key={`${e.courrierId}-${e.kind}`}
          withBorder
          p="sm"
          style={e.overdue ? { borderColor: '#c92a2a', borderWidth: 2 } : undefined}
        >
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={700} c={e.overdue ? '#a51d1d' : undefined}>
                  {e.label}
                </Text>
                {e.overdue && (
                  <Badge color="#a51d1d" variant="filled">
                    En retard
                  </Badge>
                )}
                <Badge variant="outline" color="dark">
                  {e.article}
                </Badge>
              </Group>
              <Text size="sm">
                {e.reference} — {e.correspondant} : {e.objet}
              </Text>
              <Text size="sm" c={e.overdue ? '#a51d1d' : undefined}>
                {when(e, today)}
              </Text>
            </Stack>
            <Button
              variant="light"
              onClick={() => onOpen(e.courrierId)}
              aria-label={`Ouvrir le courrier ${e.reference}`}
            >
              Ouvrir
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
