import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { SeanceFormModal } from './SeanceFormModal';
import { Note } from './Note';
import type { SeanceProps } from './SeancePage';
import { FILL, addDaysIso, formatJour } from './types';

/** After an item was postponed for want of quorum: the new séance, at least 3 days later, without quorum (L2121-17 al. 2). */
export function Reconvocation({ detail, canWrite, onOpen }: SeanceProps) {
  const { seance, points, reconvocations } = detail;
  const [open, setOpen] = useState(false);
  const reportes = points.filter((p) => p.statut === 'reporte');
  if (reportes.length === 0 && reconvocations.length === 0) return null;
  return (
    <Note color="violet" variant="light" title="Reconvocation du conseil">
      <Stack gap="xs">
        <Text size="sm">
          Point{reportes.length > 1 ? 's' : ''} reporté{reportes.length > 1 ? 's' : ''} :{' '}
          {reportes.map((p) => `${p.rang}. ${p.titre}`).join(' ; ')}. Lorsque le quorum n’a pas été atteint, le conseil
          est convoqué à nouveau à trois jours au moins d’intervalle ; il délibère alors valablement sans condition de
          quorum, sur ces seuls points (art. L2121-17 al. 2 CGCT). La nouvelle séance reprend les points reportés ; sa
          convocation suit les règles habituelles.
        </Text>
        {reconvocations.map((r) => (
          <Group key={r.id}>
            <Text fw={600}>Séance de reconvocation : {formatJour(r.date)}</Text>
            <Button size="xs" variant="light" onClick={() => onOpen(r.id)}>
              Ouvrir la séance de reconvocation
            </Button>
          </Group>
        ))}
        {canWrite && reconvocations.length === 0 && (
          <Group>
            <Button color={FILL.violet} onClick={() => setOpen(true)}>
              Créer la séance de reconvocation
            </Button>
            <Text size="sm">au plus tôt le {formatJour(addDaysIso(seance.date, 3))}</Text>
          </Group>
        )}
      </Stack>
      {open && (
        <SeanceFormModal
          reconvocationDe={seance.id}
          initial={{ date: addDaysIso(seance.date, 3), heure: seance.heure, lieu: seance.lieu }}
          onClose={() => setOpen(false)}
          onCreated={(id) => {
            setOpen(false);
            onOpen(id);
          }}
        />
      )}
    </Note>
  );
}
