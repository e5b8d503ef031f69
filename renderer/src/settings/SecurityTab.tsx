import { Alert, Divider, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call } from '../bridge';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { errorMessage } from '../lib/errors';
import { useAction } from '../lib/useAction';
import { SaveBar } from './SaveBar';

/** The lock delay is installation-wide: the core says whether this user manages the installation (auth/access.ts). */
export function SecurityTab({ onSaved }: { onSaved: () => Promise<void> }) {
  const [minutes, setMinutes] = useState<number | string>('');
  const [canWrite, setCanWrite] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pwDone, setPwDone] = useState<string | null>(null);
  const a = useAction();

  useEffect(() => {
    call('settings.get').then(
      (s) => setMinutes(s.lockMinutes),
      (e) => setError(errorMessage(e)),
    );
    call('app.status').then(
      (st) => setCanWrite(st.phase === 'ready' && st.user.managesInstallation),
      () => setCanWrite(false),
    );
  }, []);

  const submit = a.submit(async () => {
    setSaved(null);
    const r = await call('settings.set', { lockMinutes: Number(minutes) });
    setSaved(`Verrouillage après ${r.lockMinutes} min d’inactivité.`);
    await onSaved();
  });
  // the refusal is shown under the field it is about
  const fieldError = a.fields.lockMinutes ?? a.error ?? undefined;

  return (
    <Stack maw={560}>
      <Title order={2} size="h4">
        Verrouillage automatique
      </Title>
      <Text>
        Quand personne n’utilise Clocher pendant ce délai, la session se verrouille : il faut retaper son mot de passe.
        Cela protège les données des administrés si l’ordinateur reste allumé à l’accueil.
      </Text>
      {error && !fieldError && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <form onSubmit={submit}>
        <NumberInput
          label="Délai avant verrouillage (minutes)"
          description="Entre 1 et 120 minutes."
          min={1}
          max={120}
          allowDecimal={false}
          value={minutes}
          onChange={setMinutes}
          readOnly={!canWrite}
          error={fieldError}
        />
        {canWrite ? (
          <SaveBar busy={a.busy} saved={saved} />
        ) : (
          <Text mt="sm">
            Ce délai vaut pour toutes les communes de cette installation : seule la secrétaire de mairie de chacune
            d’elles (ou le support) peut le changer.
          </Text>
        )}
      </form>
      <Divider my="md" />
      <Title order={2} size="h4">
        Changer mon mot de passe
      </Title>
      <Text role="status" fw={600} c="var(--clocher-color-success)">
        {pwDone}
      </Text>
      <ChangePasswordForm onDone={() => setPwDone('Votre mot de passe a été changé.')} />
    </Stack>
  );
}
