import { Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { HorairesGrid, type Slot } from '../components/HorairesGrid';
import { errorMessage, fieldErrors } from '../lib/errors';
import { READ_ONLY_NOTE, SaveBar } from './SaveBar';
import type { Dossier } from './Settings';

export function HorairesTab({ dossier, canWrite, onSaved }: { dossier: Dossier; canWrite: boolean; onSaved: (d: Dossier) => void }) {
  const [slots, setSlots] = useState<Slot[]>(dossier.horaires as Slot[]);
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(null);
    try {
      const d = await call('commune.setHoraires', { horaires: slots });
      setError(undefined);
      setMessage(null);
      setSaved('Horaires enregistrés.');
      onSaved(d);
    } catch (err) {
      setError(fieldErrors(err).horaires);
      setMessage(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <Text>Les demi-journées d’ouverture de la mairie au public. Clocher synchronise avec la préfecture à ces moments-là.</Text>
        {!canWrite && <Text fw={600}>{READ_ONLY_NOTE}</Text>}
        <ErrorAlert>{error ? null : message}</ErrorAlert>
        <HorairesGrid value={slots} onChange={setSlots} error={error} readOnly={!canWrite} />
        {canWrite && <SaveBar busy={busy} saved={saved} />}
      </Stack>
    </form>
  );
}
