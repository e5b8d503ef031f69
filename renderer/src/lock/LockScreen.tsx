import { Button, Container, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { useAction } from '../lib/useAction';

export function LockScreen({ displayName, onDone }: { displayName: string; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const a = useAction();

  const unlock = a.submit(
    () => call('auth.unlock', { password }),
    (ok) => (ok ? onDone() : setPassword('')),
  );
  const logout = async () => {
    try {
      await call('auth.logout');
    } catch {
      /* the status query tells where we are */
    }
    onDone();
  };

  return (
    <Container size={460} py={60} component="main">
      <PageTitle>Session verrouillée</PageTitle>
      <Paper withBorder p="lg">
        <form onSubmit={unlock}>
          <Stack gap="md">
            <Text>
              La session de <strong>{displayName}</strong> est verrouillée. Saisissez votre mot de passe pour reprendre
              là où vous en étiez.
            </Text>
            <ErrorAlert>{a.error}</ErrorAlert>
            <TextInput
              type="password"
              label="Mot de passe"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-autofocus
            />
            <Group justify="space-between">
              <Button variant="default" onClick={logout}>
                Changer d'utilisateur
              </Button>
              <Button type="submit" loading={a.busy}>
                Déverrouiller
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
