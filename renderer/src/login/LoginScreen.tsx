import { Alert, Anchor, Button, Container, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { errorMessage } from '../lib/errors';

export function LoginScreen({ onDone }: { onDone: () => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [help, setHelp] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await call('auth.login', { login, password });
      setError(null);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={460} py={60} component="main">
      <PageTitle>Connexion à Clocher</PageTitle>
      <Paper withBorder p="lg">
        <form onSubmit={submit}>
          <Stack gap="md">
            <ErrorAlert>{error}</ErrorAlert>
            <TextInput label="Identifiant" autoComplete="username" value={login} onChange={(e) => setLogin(e.currentTarget.value)} />
            <TextInput
              type="password"
              label="Mot de passe"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              Se connecter
            </Button>
            <Anchor component="button" type="button" onClick={() => setHelp((h) => !h)} aria-expanded={help} aria-controls="oubli">
              Mot de passe oublié ?
            </Anchor>
            {help && (
              <Alert id="oubli" color="blue" variant="light" title="Mot de passe oublié">
                <Text size="sm">
                  Demandez à une autre personne de la mairie qui gère les comptes (secrétaire ou maire) : dans Paramètres › Comptes, elle peut vous
                  donner un mot de passe provisoire. Sinon, appelez le support de Clocher : il dispose d’un outil de récupération et vous aidera à
                  retrouver l’accès, sans rien perdre.
                </Text>
              </Alert>
            )}
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
