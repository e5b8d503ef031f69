import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { Annexes } from './Annexes';
import { PointModal } from './PointModal';
import { Note } from './Note';
import type { SeanceProps } from './SeancePage';
import { FILL, nameOf, POINT_STATUT, SCRUTIN_LABELS, type Point } from './types';
import { useAction } from '../lib/useAction';

/** The ordre du jour: items in order, moved, edited, removed while the séance is not open; annexes as PDFs. */
export function OrdreDuJour({ detail, canWrite, reload }: SeanceProps) {
  const { seance, points, elus } = detail;
  const editable = canWrite && (seance.statut === 'preparation' || seance.statut === 'convoquee');
  const [editing, setEditing] = useState<Point | null | undefined>(undefined);
  const a = useAction();
  const act = (fn: () => Promise<unknown>) =>
    a.run(async () => {
      await fn();
      await reload();
    });
  const visible = points.filter((p) => p.statut !== 'retire');
  return (
    <Stack>
      {seance.statut === 'convoquee' && editable && (
        <Note color="blue" variant="light">
          Les convocations sont parties : un point ajouté maintenant doit lui-même respecter le délai de convocation ;
          un point retiré reste mentionné comme retiré.
        </Note>
      )}
      {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
      {visible.length === 0 && (
        <Text>
          Aucun point à l’ordre du jour. La convocation indique les questions portées à l’ordre du jour (art. L2121-10
          CGCT).
        </Text>
      )}
      {points.map((p, i) => (
        <Paper key={p.id} withBorder p="md" component="article" aria-label={`Point ${p.rang} : ${p.titre}`}>
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Text fw={700} size="lg" td={p.statut === 'retire' ? 'line-through' : undefined}>
                  {p.rang}. {p.titre}
                </Text>
                <Group gap="xs">
                  <Badge variant="outline" color={FILL.blue}>
                    {SCRUTIN_LABELS[p.scrutin]}
                  </Badge>
                  <Badge variant="outline" color={FILL.gray}>
                    Matière {p.matiere}
                  </Badge>
                  {p.icpe === 1 && (
                    <Badge variant="outline" color={FILL.orange}>
                      ICPE
                    </Badge>
                  )}
                  {p.compte_administratif === 1 && (
                    <Badge variant="outline" color={FILL.violet}>
                      Compte administratif
                    </Badge>
                  )}
                  {p.statut !== 'a_examiner' && (
                    <Badge color={p.statut === 'delibere' ? FILL.green : FILL.gray}>{POINT_STATUT[p.statut]}</Badge>
                  )}
                </Group>
                <Text size="sm">Rapporteur : {p.rapporteur_elu_id ? nameOf(elus, p.rapporteur_elu_id) : 'aucun'}</Text>
              </Stack>
              {editable && p.statut !== 'retire' && (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    disabled={i === 0}
                    onClick={() => void act(() => call('conseil.movePoint', { pointId: p.id, direction: 'haut' }))}
                    aria-label={`Monter le point ${p.rang}`}
                  >
                    ↑ Monter
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={i === points.length - 1}
                    onClick={() => void act(() => call('conseil.movePoint', { pointId: p.id, direction: 'bas' }))}
                    aria-label={`Descendre le point ${p.rang}`}
                  >
                    ↓ Descendre
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setEditing(p)}
                    aria-label={`Modifier le point ${p.rang}`}
                  >
                    Modifier
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void act(() => call('conseil.removePoint', { pointId: p.id }))}
                    aria-label={`Retirer le point ${p.rang}`}
                  >
                    Retirer
                  </Button>
                </Group>
              )}
            </Group>
            {p.projet && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                {p.projet}
              </Text>
            )}
            <Annexes point={p} editable={editable && p.statut !== 'retire'} reload={reload} />
          </Stack>
        </Paper>
      ))}
      {editable && (
        <Group>
          <Button onClick={() => setEditing(null)}>Ajouter un point</Button>
        </Group>
      )}
      {editing !== undefined && (
        <PointModal
          seanceId={seance.id}
          point={editing}
          elus={elus}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void reload();
          }}
        />
      )}
    </Stack>
  );
}
