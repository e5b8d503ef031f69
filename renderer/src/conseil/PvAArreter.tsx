import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import type { SeanceProps } from './SeancePage';
import { formatJour } from './types';
import { useAction } from '../lib/useAction';

/** At the opening of a séance: the previous séances' procès-verbaux to arrêter (L2121-15). */
export function PvAArreter({ detail, canWrite, reload }: SeanceProps) {
  const a = useAction();
  if (!detail.pvsAArreter.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pv-a-arreter">
      <Title order={2} size="h4" id="pv-a-arreter" mb="xs">
        Procès-verbaux à arrêter
      </Title>
      <Text size="sm" mb="sm">
        Le procès-verbal d’une séance est arrêté au commencement de la séance suivante, puis signé par le président et le ou les secrétaires de séance (art. L2121-15 CGCT).
      </Text>
      <Stack gap="xs">
        {detail.pvsAArreter.map((pv) => (
          <Button
            key={pv.id}
            size="md"
            variant="default"
            disabled={!canWrite}
            loading={a.busy}
            onClick={() => void a.run(async () => {
              await call('conseil.pvArreter', { seanceId: pv.id, parSeanceId: detail.seance.id });
              await reload();
            })}
          >
            Arrêter le procès-verbal de la séance du {formatJour(pv.date)}
          </Button>
        ))}
      </Stack>
      {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
    </Paper>
  );
}
