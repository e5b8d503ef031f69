import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useConfirmation } from '../components/useConfirmation';
import type { SeanceProps } from './SeancePage';
import { formatJour } from './types';
import { useAction } from '../lib/useAction';

type Counts = Record<'pour' | 'contre' | 'abstention', number | ''>;

/** One PV to arrêter: the council votes on it (quorum and vote checked by the core), then the secrétaire confirms. */
function ArretForm({
  pv,
  parSeanceId,
  canWrite,
  reload,
}: {
  pv: { id: number; date: string };
  parSeanceId: number;
  canWrite: boolean;
  reload: () => Promise<void>;
}) {
  const [counts, setCounts] = useState<Counts>({ pour: '', contre: '', abstention: '' });
  const [done, setDone] = useState<string | null>(null);
  const a = useAction();
  const { confirmed, dialog } = useConfirmation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void a.run(async () => {
      const vote = {
        pour: Number(counts.pour || 0),
        contre: Number(counts.contre || 0),
        abstention: Number(counts.abstention || 0),
      };
      const r = await confirmed(['confirm'], (f) =>
        call('conseil.pvArreter', { seanceId: pv.id, parSeanceId, vote: { ...vote, ...f } }),
      );
      if (r.cancelled) return;
      setDone(r.value.message);
      await reload();
    });
  };
  const num = (k: keyof Counts, label: string) => (
    <NumberInput
      label={label}
      min={0}
      value={counts[k]}
      onChange={(v) => setCounts({ ...counts, [k]: v === '' ? '' : Number(v) })}
      disabled={!canWrite}
      allowDecimal={false}
      allowNegative={false}
      w={130}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label={`Arrêt du procès-verbal de la séance du ${formatJour(pv.date)}`}>
      <Stack gap="xs">
        <Text fw={600}>Procès-verbal de la séance du {formatJour(pv.date)}</Text>
        <Group align="flex-end">
          {num('pour', 'Pour')}
          {num('contre', 'Contre')}
          {num('abstention', 'Abstentions')}
          <Button type="submit" disabled={!canWrite} loading={a.busy}>
            Arrêter le procès-verbal…
          </Button>
        </Group>
        {done && <Text fw={600}>{done}</Text>}
        {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
      </Stack>
      {dialog}
    </form>
  );
}

/**
 * At the opening of a séance: the previous séances' procès-verbaux to arrêter (L2121-15). Arrêter a PV is an
 * act of the council: it needs the quorum and a vote, like any item.
 */
export function PvAArreter({ detail, canWrite, reload }: SeanceProps) {
  if (!detail.pvsAArreter.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pv-a-arreter">
      <Title order={2} size="h4" id="pv-a-arreter" mb="xs">
        Procès-verbaux à arrêter
      </Title>
      <Text size="sm" mb="sm">
        Le procès-verbal d’une séance est arrêté par le conseil au commencement de la séance suivante, par un vote, le
        quorum atteint ; il est ensuite signé par le président et le ou les secrétaires de séance (art. L2121-15 et
        L2121-17 CGCT). Saisissez le résultat du vote proclamé.
      </Text>
      <Stack gap="md">
        {detail.pvsAArreter.map((pv) => (
          <ArretForm key={pv.id} pv={pv} parSeanceId={detail.seance.id} canWrite={canWrite} reload={reload} />
        ))}
      </Stack>
    </Paper>
  );
}
