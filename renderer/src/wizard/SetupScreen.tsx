import { Alert, Container, Loader, Paper, Text } from '@mantine/core';
import { call } from '../bridge';
import type { Slot } from '../components/HorairesGrid';
import { fromIdentity } from '../components/IdentityFields';
import { PageTitle } from '../components/PageTitle';
import { useLoad } from '../lib/useLoad';
import { Wizard } from './Wizard';

/** First run: the provisioning file (if any) pre-fills the commune, then the four-step wizard. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const prov = useLoad(() => call('setup.provisioning'));
  const p = prov.data;
  const data = p && p.present && 'data' in p ? p.data : null;
  const provError = p && p.present && 'error' in p ? p.error : null;
  return (
    <Container size="md" py="xl" component="main">
      <PageTitle>Bienvenue dans Clocher</PageTitle>
      <Text mb="lg">
        Créons ensemble le dossier de votre commune. Tout reste sur cet ordinateur ; vous pourrez modifier ces
        informations plus tard dans Paramètres.
      </Text>
      {prov.loading && !p ? (
        <Loader aria-label="Chargement" />
      ) : (
        <Paper withBorder p="lg">
          {data && (
            <Alert color="blue" variant="light" mb="md" title="Pré-rempli">
              Pré-rempli par le fichier de provisionnement du support. Vérifiez les informations avant de continuer.
            </Alert>
          )}
          {provError && (
            <Alert color="red" variant="light" role="alert" mb="md" title="Fichier de provisionnement refusé">
              {provError.message} Vous pouvez remplir les informations vous-même.
            </Alert>
          )}
          {prov.error && (
            <Alert color="red" variant="light" role="alert" mb="md">
              {prov.error}
            </Alert>
          )}
          <Wizard
            withAccount
            initial={
              data
                ? {
                    identity: fromIdentity(data.commune as Record<string, unknown>),
                    horaires: (data.horaires ?? []) as Slot[],
                  }
                : undefined
            }
            onDone={onDone}
          />
        </Paper>
      )}
    </Container>
  );
}
