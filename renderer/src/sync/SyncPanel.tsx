import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../lib/format';
import { nextRunText, TRIGGER_LABELS, type NextRun, type SyncProgress, type SyncRun } from './labels';

/** Percentage of the bar: sending is most of the work, then the reception of messages. */
export function progressValue(p: SyncProgress | null): number {
  if (!p) return 0;
  if (p.phase === 'termine' || p.phase === 'hors_ligne') return 100;
  if (p.phase === 'reception') return 90;
  return p.total > 0 ? Math.round((p.done / p.total) * 80) : 5;
}

interface Props {
  dernier: SyncRun | null;
  configuree: boolean;
  prochaine: NextRun;
  running: boolean;
  progress: SyncProgress | null;
  canWrite: boolean;
  onSync: () => void;
  error: string | null;
}

/** Last run, next automatic run, « Synchroniser maintenant » and its progress bar. Offline is not an error. */
export function SyncPanel({ dernier, configuree, prochaine, running, progress, canWrite, onSync, error }: Props) {
  const offline = dernier?.outcome === 'hors_ligne';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sync-panel-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sync-panel-title">
          Échanges avec la préfecture et le comptable
        </Title>
        {!configuree && (
          <Alert color="blue" variant="light" role="note" title="La plateforme n’est pas encore réglée">
            Tout ce que vous faites est enregistré dans Clocher. Pour que les actes partent à la préfecture, renseignez
            l’adresse de la plateforme et le certificat dans Paramètres → Plateforme.
          </Alert>
        )}
        <Text>
          <Text span fw={700}>
            Dernière synchronisation :{' '}
          </Text>
          {dernier
            ? `${formatDateTime(dernier.ended_at ?? dernier.started_at)} (${TRIGGER_LABELS[dernier.trigger] ?? dernier.trigger})${dernier.ended_at ? '' : ', en cours'}`
            : 'aucune pour l’instant.'}
        </Text>
        {dernier?.summary && !offline && !progress && <Text size="sm">{dernier.summary}</Text>}
        {offline && (
          <Alert color="blue" variant="light" role="status" title="En attente de connexion, tout est enregistré">
            {dernier?.summary ?? 'La plateforme n’a pas pu être jointe.'} Vous pouvez continuer à travailler normalement
            : rien n’est perdu.
          </Alert>
        )}
        <Text>
          <Text span fw={700}>
            Prochaine synchronisation automatique :{' '}
          </Text>
          {nextRunText(prochaine)}
        </Text>
        {canWrite && (
          <Group>
            <Button
              onClick={onSync}
              loading={running}
              disabled={!configuree}
              loaderProps={{ 'aria-label': 'Synchronisation en cours' }}
            >
              Synchroniser maintenant
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {(running || progress) && (
          <Stack gap={4}>
            <Progress
              value={progressValue(progress)}
              aria-label="Avancement de la synchronisation"
              size="lg"
              animated={running}
            />
            <Text size="sm" role="status">
              {progress?.message ?? 'Connexion à la plateforme…'}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
