import { Alert, Anchor, Button, Container, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { useAction } from '../lib/useAction';

export type LoginReply = HandlerResult<'auth.login'>;

/** `onDone` gets the core's reply (the commune it opened, if any), so that App asks for what comes next at once. */
export function LoginScreen({ onDone }: { onDone: (reply: LoginReply) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const a = useAction();
  const [help, setHelp] = useState(false);

  // a refused password is cleared (never left in the field); the login stays
  let reply: LoginReply | null = null;
  const submit = a.submit(
    async () => (reply = await call('auth.login', { login, password })),
    (ok) => (ok && reply ? onDone(reply) : setPassword('')),
  );

  return (
    <Container size={460} py={60} component="main">
      <PageTitle>Connexion à Clocher</PageTitle>
      <Paper withBorder p="lg">
        <form onSubmit={submit}>
          <Stack gap="md">
            <ErrorAlert>{a.error}</ErrorAlert>
            <TextInput
              label="Identifiant"
              autoComplete="username"
              value={login}
              onChange={(e) => setLogin(e.currentTarget.value)}
            />
            <TextInput
              type="password"
              label="Mot de passe"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={a.busy}>
              Se connecter
            </Button>
            <Anchor
              component="button"
              type="button"
              onClick={() => setHelp((h) => !h)}
              aria-expanded={help}
              aria-controls="oubli"
            >
              Mot de passe oublié ?
            </Anchor>
            {help && (
              <Alert id="oubli" color="blue" variant="light" title="Mot de passe oublié">
                <Text size="sm">
                  Demandez à une autre personne de la mairie qui gère les comptes (secrétaire ou maire) : dans
                  Paramètres › Comptes, elle peut vous donner un mot de passe provisoire. Sinon, appelez le support de
                  Clocher : il dispose d’un outil de récupération et vous aidera à retrouver l’accès, sans rien perdre.
                </Text>
              </Alert>
            )}
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
