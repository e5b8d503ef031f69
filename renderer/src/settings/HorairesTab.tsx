import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { HorairesGrid, type Slot } from '../components/HorairesGrid';
import { useAction } from '../lib/useAction';
import { READ_ONLY_NOTE, SaveBar } from './SaveBar';
import type { Dossier } from './Settings';

export function HorairesTab({
  dossier,
  canWrite,
  onSaved,
}: {
  dossier: Dossier;
  canWrite: boolean;
  onSaved: (d: Dossier) => void;
}) {
  const [slots, setSlots] = useState<Slot[]>(dossier.horaires as Slot[]);
  const a = useAction();
  const [saved, setSaved] = useState<string | null>(null);

  const submit = a.submit(async () => {
    setSaved(null);
    const d = await call('commune.setHoraires', { horaires: slots });
    setSaved('Horaires enregistrés.');
    onSaved(d);
  });
  const error = a.fields.horaires;

  return (
    <form onSubmit={submit}>
      <Stack>
        <Text>
          Les demi-journées d’ouverture de la mairie au public. Clocher synchronise avec la préfecture à ces moments-là.
        </Text>
        {!canWrite && <Text fw={600}>{READ_ONLY_NOTE}</Text>}
        <ErrorAlert>{error ? null : a.error}</ErrorAlert>
        <HorairesGrid value={slots} onChange={setSlots} error={error} readOnly={!canWrite} />
        {canWrite && <SaveBar busy={a.busy} saved={saved} />}
      </Stack>
    </form>
  );
}
