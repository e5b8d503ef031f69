import { Alert, Badge, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useContext } from 'react';
import { call, type HandlerResult } from '../bridge';
import { PageTitle } from '../components/PageTitle';
import { formatDate, formatDateTime } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import { DashboardPrefetchContext } from './prefetch';

/** Who sent what arrived, in words (sources written by the sync and courrier domains). */
const SOURCES: Record<string, string> = {
  prefecture: 'Préfecture',
  helios: 'Comptable public (Hélios)',
  courrier: 'Courrier',
  courriel: 'Courriel',
  plateforme: 'Plateforme de télétransmission',
};

type Data = HandlerResult<'dashboard.get'>;

function Arrivals({ data }: { data: Data }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="arrivals-title">
      <Title order={2} size="h4" id="arrivals-title">
        Arrivé depuis votre dernière ouverture
      </Title>
      <Text size="sm" mb="sm">
        {data.since
          ? `Depuis le ${formatDateTime(data.since)}`
          : 'Première ouverture de cette commune avec votre compte.'}
      </Text>
      {data.arrivals.length === 0 ? (
        <Text>
          Rien de nouveau. Les courriers reçus, les accusés de réception de la préfecture et les messages de la
          plateforme apparaîtront ici.
        </Text>
      ) : (
        <List spacing="xs" listStyleType="none" pl={0}>
          {data.arrivals.map((a) => (
            <List.Item key={a.id}>
              <Text fw={600}>{a.title}</Text>
              <Text size="sm">
                {formatDateTime(a.arrived_at)} · {SOURCES[a.source] ?? a.source}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

function Todos({ data }: { data: Data }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="todos-title">
      <Title order={2} size="h4" id="todos-title" mb="sm">
        À faire
      </Title>
      {data.todos.length === 0 ? (
        <Text>
          Rien à faire pour l’instant. Les échéances légales apparaîtront ici : convocations à envoyer, listes de
          délibérations à publier, procès-verbaux…
        </Text>
      ) : (
        <List spacing="sm" listStyleType="none" pl={0}>
          {data.todos.map((t) => {
            const late = !!t.due_date && t.due_date < data.today;
            return (
              <List.Item key={t.id}>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  {late && (
                    <Badge color="red.9" variant="filled">
                      En retard
                    </Badge>
                  )}
                  <Text fw={600}>{t.title}</Text>
                </Group>
                <Text size="sm" c={late ? 'red.9' : undefined}>
                  {t.due_date
                    ? `${late ? 'Échéance dépassée : ' : 'Échéance : '}${formatDate(t.due_date)}`
                    : 'Sans échéance'}
                  {t.legal_ref ? ` · ${t.legal_ref}` : ''}
                </Text>
              </List.Item>
            );
          })}
        </List>
      )}
    </Paper>
  );
}

export function Dashboard() {
  const prefetched = useContext(DashboardPrefetchContext);
  // the answer asked for with the status after the login (prefetch.ts), else a call of its own
  const d = useLoad(() => prefetched?.take() ?? call('dashboard.get'));
  return (
    <div data-testid={d.data ? 'dashboard-ready' : undefined}>
      <PageTitle>Tableau de bord</PageTitle>
      {d.error && (
        <Alert color="red" variant="light" role="alert">
          {d.error}
        </Alert>
      )}
      {!d.data && !d.error && <Loader aria-label="Chargement du tableau de bord" />}
      {d.data && (
        <Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Arrivals data={d.data} />
            <Todos data={d.data} />
          </SimpleGrid>
          {/* issue 12: the counter's count of the month (its waiting requests are in « À faire ») */}
          <Text size="sm" data-testid="etat-civil-mois">
            État civil :{' '}
            {d.data.etatCivilDelivreesCeMois === 0
              ? 'aucune demande délivrée'
              : `${d.data.etatCivilDelivreesCeMois} demande${d.data.etatCivilDelivreesCeMois > 1 ? 's délivrées' : ' délivrée'}`}{' '}
            ce mois-ci.
          </Text>
        </Stack>
      )}
    </div>
  );
}
