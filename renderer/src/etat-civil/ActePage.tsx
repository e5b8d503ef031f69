import { Badge, Grid, Group, Loader, Stack, Text } from '@mantine/core';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { useLoad } from '../lib/useLoad';
import { Mentions } from './Mentions';
import { SaisieForm } from './SaisieForm';
import { ScanView } from './ScanView';
import { STATUT_LABELS } from './types';

/** An act: its scan on the left, its data and keying form on the right, its mentions below. */
export function ActePage({ acteId }: { acteId: number; onOpen: (id: number) => void }) {
  const { data, error, reload } = useLoad(() => call('etatCivil.acte', { acteId }), [acteId]);
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!data) return <Loader aria-label="Chargement de l’acte" />;
  const a = data.acte;
  return (
    <>
      <PageTitle>{`${a.libelle} n° ${a.numero} / ${a.annee} — ${a.titulaire}`}</PageTitle>
      <Group mb="sm" gap="xs">
        <Badge color={a.statut === 'saisi' ? 'teal.9' : 'gray.8'} variant="filled">
          {STATUT_LABELS[a.statut]}
        </Badge>
        <Text size="sm">
          Acte du {a.dateActeFr}
          {data.registre ? ` — ${data.registre.libelle}` : ''}
        </Text>
      </Group>
      {data.manquants.length > 0 && (
        <Text size="sm" mb="sm">
          À saisir pour pouvoir délivrer des extraits : {data.manquants.join(' ; ')}.
        </Text>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ScanView registreId={a.registre_id} pages={data.pages} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <SaisieForm key={JSON.stringify(data.personnes) + a.statut} data={data} onSaved={() => void reload()} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Stack mt="md">
        <Mentions data={data} onChanged={() => void reload()} />
      </Stack>
    </>
  );
}
