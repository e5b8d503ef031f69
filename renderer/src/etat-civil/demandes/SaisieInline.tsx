import { Button, Grid, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { call } from '../../bridge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../lib/useLoad';
import { SaisieForm } from '../SaisieForm';
import { ScanView } from '../ScanView';

/**
 * An act only indexed (issue 11) is keyed right at the counter, from its scan, with the same form as in the
 * registers; once « Terminer la saisie » marks it keyed, the request can be produced.
 */
export function SaisieInline({ acteId, onDone }: { acteId: number; onDone: () => void }) {
  const { data, error, reload } = useLoad(() => call('etatCivil.acte', { acteId }), [acteId]);
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!data) return <Loader aria-label="Chargement de l’acte" />;
  const saisi = data.acte.statut === 'saisi';
  return (
    <Paper withBorder p="sm" mt="md" component="section" aria-labelledby="saisie-inline">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="saisie-inline">
          Saisir l’acte : {data.acte.libelle} n° {data.acte.numero} / {data.acte.annee}
        </Title>
        <Button variant={saisi ? 'filled' : 'default'} onClick={onDone}>
          {saisi ? 'Acte saisi : revenir à la demande' : 'Fermer la saisie'}
        </Button>
      </Group>
      {data.manquants.length > 0 && (
        <Text size="sm" mb="xs">
          À saisir : {data.manquants.join(' ; ')}.
        </Text>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ScanView registreId={data.acte.registre_id} pages={data.pages} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SaisieForm
            key={JSON.stringify(data.personnes) + data.acte.statut}
            data={data}
            onSaved={() => void reload()}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
