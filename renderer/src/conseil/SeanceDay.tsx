import { Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useConfirmation } from '../components/useConfirmation';
import { Appel, Secretaires } from './Appel';
import { PvAArreter } from './PvAArreter';
import { PointLive } from './PointLive';
import { Pouvoirs } from './Pouvoirs';
import { Reconvocation } from './Reconvocation';
import { Note } from './Note';
import type { SeanceProps } from './SeancePage';
import { formatJour } from './types';
import { useAction } from '../lib/useAction';

/** The séance day, on a laptop in the council room: open, roll call, pouvoirs, secrétaire, each item, close. */
export function SeanceDay(props: SeanceProps) {
  const { detail, canWrite, reload } = props;
  const { seance, points } = detail;
  const open = useAction();
  const { confirmed, dialog } = useConfirmation();
  const close = useAction();
  const items = points.filter((p) => p.statut !== 'retire');
  const firstOpen = items.find((p) => p.statut === 'a_examiner') ?? items[0];
  // the item on screen stays until the secrétaire moves on, even once voted (its result shows)
  const [selected, setSelected] = useState<number | null>(() => firstOpen?.id ?? null);
  const point = items.find((p) => p.id === selected) ?? firstOpen;
  const started = points.some((p) => p.statut !== 'a_examiner') || detail.secretaires.length > 0;
  const [part, setPart] = useState(started ? 'points' : 'ouverture');
  const idx = point ? items.indexOf(point) : -1;
  const next = idx >= 0 && idx < items.length - 1 ? items[idx + 1] : undefined;

  if (seance.statut === 'preparation' || seance.statut === 'convoquee')
    return (
      <Stack>
        <Note color="blue" variant="light" title="La séance n’est pas ouverte">
          Elle s’ouvre le jour prévu, {formatJour(seance.date)}. Les pouvoirs remis avant la séance peuvent déjà être
          enregistrés ci-dessous.
        </Note>
        {canWrite && (
          <Group>
            <Button
              size="xl"
              loading={open.busy}
              onClick={() =>
                void open.run(async () => {
                  // a convocation missing or late: the core warns with the article and the président decides
                  const r = await confirmed(['confirm'], (f) =>
                    call('conseil.openSeance', { seanceId: seance.id, ...f }),
                  );
                  if (!r.cancelled) await reload();
                })
              }
            >
              Ouvrir la séance
            </Button>
          </Group>
        )}
        {open.error && <ErrorAlert>{open.error}</ErrorAlert>}
        {dialog}
        <Pouvoirs {...props} />
      </Stack>
    );

  return (
    <Stack>
      {seance.statut === 'close' && (
        <Note color="green" variant="light" title="Séance levée">
          <Text c="var(--clocher-color-success)">
            La suite se passe dans l’onglet « Après la séance » : liste des délibérations, publication, procès-verbal.
          </Text>
        </Note>
      )}
      <Tabs value={part} onChange={(v) => v && setPart(v)} variant="pills" keepMounted={false}>
        <Tabs.List mb="md" aria-label="Déroulement de la séance">
          <Tabs.Tab value="ouverture" fz="md">
            Ouverture : appel, pouvoirs, secrétaire
          </Tabs.Tab>
          <Tabs.Tab value="points" fz="md">
            Points et votes
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ouverture">
          <Stack>
            <Appel {...props} />
            <Pouvoirs {...props} />
            <Secretaires {...props} />
            <PvAArreter {...props} />
            <Group>
              <Button size="lg" onClick={() => setPart('points')}>
                Passer aux points de l’ordre du jour →
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="points">
          <Stack>
            <Group gap="xs">
              {items.map((p) => (
                <Button
                  key={p.id}
                  size="md"
                  variant={p.id === point?.id ? 'filled' : 'default'}
                  aria-current={p.id === point?.id ? 'step' : undefined}
                  onClick={() => setSelected(p.id)}
                >
                  {p.statut === 'delibere' ? '✓ ' : p.statut === 'reporte' ? '↷ ' : ''}
                  {p.rang}. {p.titre.length > 40 ? `${p.titre.slice(0, 40)}…` : p.titre}
                </Button>
              ))}
            </Group>
            {point && (
              <PointLive
                key={point.id}
                detail={detail}
                point={point}
                canWrite={canWrite}
                reload={reload}
                onNext={next ? () => setSelected(next.id) : null}
              />
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <Reconvocation {...props} />
      {seance.statut === 'en_cours' && canWrite && (
        <Stack gap="xs">
          <Group>
            <Button
              size="xl"
              color="red.9"
              loading={close.busy}
              onClick={() =>
                void close.run(async () => {
                  await call('conseil.closeSeance', { seanceId: seance.id });
                  await reload();
                })
              }
            >
              Lever la séance
            </Button>
          </Group>
          {close.error && <ErrorAlert>{close.error}</ErrorAlert>}
        </Stack>
      )}
    </Stack>
  );
}
