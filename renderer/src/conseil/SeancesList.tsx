import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { useLoad } from '../lib/useLoad';
import { SeanceFormModal } from './SeanceFormModal';
import { FILL, formatHeure, formatJour, NATURE_LABELS, STATUT_LABELS, type SeanceItem } from './types';

const monthOf = (day: string) => {
  const [y, m] = day.split('-').map(Number);
  const s = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric' }).format(
    new Date(y ?? 1970, (m ?? 1) - 1, 1),
  );
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export function StatutBadge({ statut }: { statut: string }) {
  const s = STATUT_LABELS[statut] ?? { label: statut, color: FILL.gray };
  return (
    <Badge color={s.color} variant="filled" size="lg">
      {s.label}
    </Badge>
  );
}

function SeanceRow({ s, onOpen }: { s: SeanceItem; onOpen: (id: number) => void }) {
  const when = `${formatJour(s.date)} à ${formatHeure(s.heure)}`;
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={700}>{when.charAt(0).toUpperCase() + when.slice(1)}</Text>
            <StatutBadge statut={s.statut} />
            {s.reconvocation_de && (
              <Badge color={FILL.violet} variant="filled">
                Reconvocation
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {s.lieu} · {NATURE_LABELS[s.nature] ?? s.nature} · {s.points} point{s.points > 1 ? 's' : ''} à l’ordre du
            jour
            {s.deliberations ? ` · ${s.deliberations} délibération${s.deliberations > 1 ? 's' : ''}` : ''}
          </Text>
        </Stack>
        <Button variant="light" onClick={() => onOpen(s.id)} aria-label={`Ouvrir la séance du ${formatJour(s.date)}`}>
          Ouvrir
        </Button>
      </Group>
    </Paper>
  );
}

/** Séances grouped by month: those to come (or not closed yet) first, then the past ones. */
function ByMonth({ seances, onOpen, asc }: { seances: SeanceItem[]; onOpen: (id: number) => void; asc: boolean }) {
  const sorted = [...seances].sort(
    (a, b) => (asc ? 1 : -1) * `${a.date}${a.heure}`.localeCompare(`${b.date}${b.heure}`),
  );
  const months = [...new Set(sorted.map((s) => monthOf(s.date)))];
  return (
    <Stack gap="sm">
      {months.map((m) => (
        <Stack key={m} gap="xs">
          <Title order={3} size="h5">
            {m}
          </Title>
          {sorted
            .filter((s) => monthOf(s.date) === m)
            .map((s) => (
              <SeanceRow key={s.id} s={s} onOpen={onOpen} />
            ))}
        </Stack>
      ))}
    </Stack>
  );
}

export function SeancesList({ canWrite, onOpen }: { canWrite: boolean; onOpen: (id: number) => void }) {
  const list = useLoad(() => call('conseil.seances', {}));
  const [creating, setCreating] = useState(false);
  const data = list.data ?? [];
  const upcoming = data.filter((s) => s.statut !== 'close');
  const past = data.filter((s) => !upcoming.includes(s));
  return (
    <Stack>
      {canWrite && (
        <Group>
          <Button onClick={() => setCreating(true)}>Nouvelle séance</Button>
        </Group>
      )}
      {list.error && (
        <Alert color="red" variant="light" role="alert">
          {list.error}
        </Alert>
      )}
      {!list.data && !list.error && <Loader aria-label="Chargement des séances" />}
      {list.data && (
        <>
          <Title order={2} size="h4">
            Séances à venir ou en cours
          </Title>
          {upcoming.length ? (
            <ByMonth seances={upcoming} onOpen={onOpen} asc />
          ) : (
            <Text>Aucune séance prévue. Le conseil se réunit au moins une fois par trimestre (art. L2121-7 CGCT).</Text>
          )}
          <Title order={2} size="h4">
            Séances passées
          </Title>
          {past.length ? (
            <ByMonth seances={past} onOpen={onOpen} asc={false} />
          ) : (
            <Text>Aucune séance levée pour l’instant.</Text>
          )}
        </>
      )}
      {creating && <SeanceFormModal onClose={() => setCreating(false)} onCreated={(id) => onOpen(id)} />}
    </Stack>
  );
}
