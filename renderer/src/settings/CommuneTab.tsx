import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { fromIdentity, IdentityFields, toIdentity } from '../components/IdentityFields';
import { useAction } from '../lib/useAction';
import { READ_ONLY_NOTE, SaveBar } from './SaveBar';
import type { Dossier } from './Settings';

export function CommuneTab({
  dossier,
  canWrite,
  onSaved,
}: {
  dossier: Dossier;
  canWrite: boolean;
  onSaved: (d: Dossier) => void;
}) {
  const [form, setForm] = useState(() => fromIdentity(dossier.identity as unknown as Record<string, unknown>));
  const a = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const s = dossier.strate;

  const submit = a.submit(async () => {
    setSaved(null);
    const d = await call('commune.updateIdentity', { identity: toIdentity(form) });
    setSaved('Identité de la commune enregistrée.');
    onSaved(d);
  });

  return (
    <form onSubmit={submit}>
      <Stack>
        <Alert color="blue" variant="light" title="Seuils légaux">
          <Text size="sm">
            Avec {dossier.identity.population.toLocaleString('fr-FR')} habitants, la commune compte{' '}
            {s.moins1000
              ? 'moins de 1 000 habitants'
              : s.moins3500
                ? 'entre 1 000 et 3 499 habitants'
                : '3 500 habitants ou plus'}{' '}
            : Clocher applique les règles de cette strate (délais de convocation, publicité des actes…).
          </Text>
        </Alert>
        {!canWrite && <Text fw={600}>{READ_ONLY_NOTE}</Text>}
        <ErrorAlert>{summaryOf(a.error, a.fields)}</ErrorAlert>
        <IdentityFields value={form} onChange={setForm} errors={a.fields} inseeReadOnly readOnly={!canWrite} />
        {canWrite && <SaveBar busy={a.busy} saved={saved} />}
      </Stack>
    </form>
  );
}
