import { Alert, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useContext, type CSSProperties } from 'react';
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

/**
 * Up to 200 rows on the first paint (100 arrivals, 100 tasks): plain elements styled with Mantine's variables, as
 * the état civil's list does, rather than four or five Mantine components per row (issue 9: login → dashboard).
 */
const S: Record<'list' | 'title' | 'meta' | 'line' | 'late', CSSProperties> = {
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  title: {
    margin: 0,
    fontWeight: 600,
    fontSize: 'var(--mantine-font-size-md)',
    lineHeight: 'var(--mantine-line-height-md)',
  },
  meta: { margin: 0, fontSize: 'var(--mantine-font-size-sm)', lineHeight: 'var(--mantine-line-height-sm)' },
  line: { display: 'flex', flexWrap: 'nowrap', alignItems: 'baseline', gap: 'var(--mantine-spacing-xs)' },
  late: {
    flex: 'none',
    padding: '0 8px',
    borderRadius: 32,
    background: 'var(--mantine-color-red-9)',
    color: 'var(--mantine-color-white)',
    fontSize: 11,
    fontWeight: 700,
    lineHeight: '20px',
    letterSpacing: 0.25,
    textTransform: 'uppercase',
  },
};

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
        <ul style={{ ...S.list, gap: 'var(--mantine-spacing-xs)' }}>
          {data.arrivals.map((a) => (
            <li key={a.id}>
              <p style={S.title}>{a.title}</p>
              <p style={S.meta}>
                {formatDateTime(a.arrived_at)} · {SOURCES[a.source] ?? a.source}
              </p>
            </li>
          ))}
        </ul>
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
        <ul style={{ ...S.list, gap: 'var(--mantine-spacing-sm)' }}>
          {data.todos.map((t) => {
            const late = !!t.due_date && t.due_date < data.today;
            return (
              <li key={t.id}>
                <div style={S.line}>
                  {late && <span style={S.late}>En retard</span>}
                  <p style={S.title}>{t.title}</p>
                </div>
                <p style={late ? { ...S.meta, color: 'var(--mantine-color-red-9)' } : S.meta}>
                  {t.due_date
                    ? `${late ? 'Échéance dépassée : ' : 'Échéance : '}${formatDate(t.due_date)}`
                    : 'Sans échéance'}
                  {t.legal_ref ? ` · ${t.legal_ref}` : ''}
                </p>
              </li>
            );
          })}
        </ul>
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
