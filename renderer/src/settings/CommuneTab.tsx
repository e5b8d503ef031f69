import { Alert, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { fromIdentity, IdentityFields, toIdentity } from '../components/IdentityFields';
import { errorMessage, fieldErrors, focusFirstInvalid } from '../lib/errors';
import { READ_ONLY_NOTE, SaveBar } from './SaveBar';
import type { Dossier } from './Settings';

export function CommuneTab({ dossier, canWrite, onSaved }: { dossier: Dossier; canWrite: boolean; onSaved: (d: Dossier) => void }) {
  const [form, setForm] = useState(() => fromIdentity(dossier.identity as unknown as Record<string, unknown>));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const s = dossier.strate;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(null);
    try {
      const d = await call('commune.updateIdentity', { identity: toIdentity(form) });
      setErrors({});
      setMessage(null);
      setSaved('Identité de la commune enregistrée.');
      onSaved(d);
    } catch (err) {
      setErrors(fieldErrors(err));
      setMessage(errorMessage(err));
      focusFirstInvalid();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <Alert color="blue" variant="light" title="Seuils légaux">
          <Text size="sm">
            Avec {dossier.identity.population.toLocaleString('fr-FR')} habitants, la commune compte{' '}
            {s.moins1000 ? 'moins de 1 000 habitants' : s.moins3500 ? 'entre 1 000 et 3 499 habitants' : '3 500 habitants ou plus'} : Clocher applique
            les règles de cette strate (délais de convocation, publicité des actes…).
          </Text>
        </Alert>
        {!canWrite && <Text fw={600}>{READ_ONLY_NOTE}</Text>}
        <ErrorAlert>{summaryOf(message, errors)}</ErrorAlert>
        <IdentityFields value={form} onChange={setForm} errors={errors} inseeReadOnly readOnly={!canWrite} />
        {canWrite && <SaveBar busy={busy} saved={saved} />}
      </Stack>
    </form>
  );
}
