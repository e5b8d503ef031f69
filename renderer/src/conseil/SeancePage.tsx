import { Alert, Button, Group, Loader, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { PageTitle } from '../components/PageTitle';
import { SeanceFormModal } from './SeanceFormModal';
import { useLoad } from '../lib/useLoad';
import { ApresSeance } from './ApresSeance';
import { Convocation } from './Convocation';
import { Note } from './Note';
import { OrdreDuJour } from './OrdreDuJour';
import { SeanceDay } from './SeanceDay';
import { StatutBadge } from './SeancesList';
import { formatHeure, formatJour, NATURE_LABELS, type Detail } from './types';

export interface SeanceProps {
  detail: Detail;
  canWrite: boolean;
  reload: () => Promise<void>;
  onOpen: (seanceId: number) => void;
}

const DEFAULT_TAB: Record<string, string> = {
  preparation: 'odj',
  convoquee: 'convocation',
  en_cours: 'seance',
  close: 'apres',
};

/** One séance, in the order of the procedure: ordre du jour, convocation, the séance itself, after the séance. */
export function SeancePage({
  seanceId,
  canWrite,
  onBack,
  onOpen,
}: {
  seanceId: number;
  canWrite: boolean;
  onBack: () => void;
  onOpen: (id: number) => void;
}) {
  const d = useLoad(() => call('conseil.seance', { seanceId }), [seanceId]);
  const [tab, setTab] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const s = d.data?.seance;
  const current = tab ?? (s ? (DEFAULT_TAB[s.statut] ?? 'odj') : 'odj');
  const props = d.data ? { detail: d.data, canWrite, reload: d.reload, onOpen } : null;
  return (
    <>
      <Group mb="xs">
        <Button variant="subtle" onClick={onBack}>
          ← Retour aux séances
        </Button>
      </Group>
      <PageTitle>
        {s ? `Séance du ${formatJour(s.date)} à ${formatHeure(s.heure)}` : 'Séance du conseil municipal'}
      </PageTitle>
      {d.error && (
        <Alert color="red" variant="light" role="alert" mb="md">
          {d.error}
        </Alert>
      )}
      {!d.data && !d.error && <Loader aria-label="Chargement de la séance" />}
      {s && props && (
        <>
          <Group gap="sm" mb="md">
            <StatutBadge statut={s.statut} />
            <Text>
              {s.lieu} · {NATURE_LABELS[s.nature] ?? s.nature}
            </Text>
            {canWrite && s.statut === 'preparation' && (
              <Button variant="default" size="xs" onClick={() => setEditing(true)}>
                Modifier la date, l’heure ou le lieu
              </Button>
            )}
          </Group>
          {editing && (
            <SeanceFormModal
              editId={s.id}
              initial={{
                date: s.date,
                heure: s.heure,
                lieu: s.lieu,
                nature: s.nature,
                urgence_motif: s.urgence_motif ?? '',
              }}
              onClose={() => setEditing(false)}
              onCreated={() => {
                setEditing(false);
                void d.reload();
              }}
            />
          )}
          {s.reconvocation_de && (
            <Note color="violet" variant="light" mb="md" title="Séance de reconvocation">
              Le quorum n’avait pas été atteint à la séance précédente : le conseil délibère ici valablement quel que
              soit le nombre de présents, sur les points reportés (art. L2121-17 al. 2 CGCT).
            </Note>
          )}
          {s.nature === 'urgence' && s.urgence_motif && (
            <Note color="orange" variant="light" mb="md" title="Convocation en urgence">
              {s.urgence_motif} — le maire en rend compte à l’ouverture ; le conseil se prononce sur l’urgence (art.
              L2121-11 CGCT).
            </Note>
          )}
          <Tabs value={current} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md" aria-label="Étapes de la séance">
              <Tabs.Tab value="odj">1. Ordre du jour</Tabs.Tab>
              <Tabs.Tab value="convocation">2. Convocation</Tabs.Tab>
              <Tabs.Tab value="seance">3. Séance</Tabs.Tab>
              <Tabs.Tab value="apres">4. Après la séance</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="odj">
              <OrdreDuJour {...props} />
            </Tabs.Panel>
            <Tabs.Panel value="convocation">
              <Convocation {...props} />
            </Tabs.Panel>
            <Tabs.Panel value="seance">
              <SeanceDay {...props} />
            </Tabs.Panel>
            <Tabs.Panel value="apres">
              <ApresSeance {...props} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </>
  );
}
