// Who is in the room for one item of the séance: the situation the core computes (quorum, L2121-17) and the
// intéressés and movements the secrétaire records before the vote (L2131-11).
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { Note } from './Note';
import type { SeanceProps } from './SeancePage';
import { nameOf, type Point } from './types';
import { useAction } from '../lib/useAction';

/** Présents, représentés, votants and the quorum for this item, as the core computes them. */
export function SituationBox({ point, elus }: { point: Point; elus: SeanceProps['detail']['elus'] }) {
  const s = point.situation;
  if (!s) return null;
  const { attendance: at, quorum } = s;
  return (
    <Stack gap="xs">
      <Group gap="lg">
        <Text size="lg">
          <b>{at.presents.length}</b> présent{at.presents.length > 1 ? 's' : ''}
        </Text>
        <Text size="lg">
          <b>{at.representes.length}</b> représenté{at.representes.length > 1 ? 's' : ''}
        </Text>
        <Text size="lg">
          <b>{at.votants}</b> votant{at.votants > 1 ? 's' : ''}
        </Text>
        <Text size="lg">
          sur <b>{at.enExercice}</b> en exercice
        </Text>
      </Group>
      {at.retires.length > 0 && (
        <Text size="sm">Sortis de la salle (intéressés) : {at.retires.map((id) => nameOf(elus, id)).join(', ')}</Text>
      )}
      {at.representes.length > 0 && (
        <Text size="sm">
          Pouvoirs utilisés :{' '}
          {at.representes.map((r) => `${nameOf(elus, r.mandant)} par ${nameOf(elus, r.mandataire)}`).join(' ; ')}
        </Text>
      )}
      {quorum.reached ? (
        <Note color="green" title="Quorum atteint">
          <Text c="var(--clocher-color-success)" size="sm">
            {quorum.message}
          </Text>
        </Note>
      ) : (
        <Alert color="red.9" variant="filled" role="alert" title="Quorum non atteint">
          {quorum.message}
        </Alert>
      )}
    </Stack>
  );
}

/** Who leaves for this item (intéressés, L2131-11) and who arrives or leaves before it. */
export function Mouvements({
  detail,
  point,
  reload,
}: {
  detail: SeanceProps['detail'];
  point: Point;
  reload: () => Promise<void>;
}) {
  const { elus, seance, mouvements } = detail;
  const here = (mouvements as { id: number; elu_id: number; avant_rang: number; type: string }[]).filter(
    (x) => x.avant_rang <= point.rang,
  );
  return (
    <Stack gap="sm">
      <InteressesForm point={point} elus={elus} reload={reload} />
      {here.length > 0 && (
        <Text size="sm">
          Mouvements :{' '}
          {here
            .map(
              (x) =>
                `${nameOf(elus, x.elu_id)} ${x.type === 'arrivee' ? 'arrive' : 'part'} avant le point ${x.avant_rang}`,
            )
            .join(' ; ')}
        </Text>
      )}
      <MouvementForm seanceId={seance.id} point={point} elus={elus} reload={reload} />
    </Stack>
  );
}

type Elus = SeanceProps['detail']['elus'];

/** The élus intéressés à l'affaire leave the room and do not vote on this item (L2131-11). */
function InteressesForm({ point, elus, reload }: { point: Point; elus: Elus; reload: () => Promise<void> }) {
  const [interesses, setInteresses] = useState<string[]>(point.interesses.map(String));
  const i = useAction();
  return (
    <>
      <Checkbox.Group
        label="Élus intéressés à l’affaire (ils quittent la salle et ne votent pas, art. L2131-11 CGCT)"
        value={interesses}
        onChange={setInteresses}
      >
        <Group gap="md" mt={4}>
          {elus.map((e) => (
            <Checkbox key={e.id} value={String(e.id)} label={e.nomComplet} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group>
        <Button
          variant="light"
          loading={i.busy}
          onClick={() =>
            void i.run(async () => {
              await call('conseil.setInteresses', { pointId: point.id, eluIds: interesses.map(Number) });
              await reload();
            })
          }
        >
          Enregistrer les intéressés
        </Button>
      </Group>
      {i.error && <ErrorAlert>{i.error}</ErrorAlert>}
    </>
  );
}

/** An élu arriving or leaving before this item: counted from it on. */
function MouvementForm({
  seanceId,
  point,
  elus,
  reload,
}: {
  seanceId: number;
  point: Point;
  elus: Elus;
  reload: () => Promise<void>;
}) {
  const [elu, setElu] = useState('');
  const [type, setType] = useState('depart');
  const m = useAction();
  return (
    <>
      <Group align="flex-end">
        <NativeSelect
          label={`Arrivée ou départ avant le point ${point.rang}`}
          value={elu}
          onChange={(e) => setElu(e.currentTarget.value)}
          data={[
            { value: '', label: 'Choisir un élu…' },
            ...elus.map((e) => ({ value: String(e.id), label: e.nomComplet })),
          ]}
        />
        <NativeSelect
          label="Mouvement"
          value={type}
          onChange={(e) => setType(e.currentTarget.value)}
          data={[
            { value: 'depart', label: 'Départ' },
            { value: 'arrivee', label: 'Arrivée' },
          ]}
        />
        <Button
          variant="light"
          loading={m.busy}
          disabled={!elu}
          onClick={() =>
            void m.run(async () => {
              await call('conseil.addMouvement', {
                seanceId,
                mouvement: { eluId: Number(elu), avantRang: point.rang, type },
              });
              setElu('');
              await reload();
            })
          }
        >
          Enregistrer le mouvement
        </Button>
      </Group>
      {m.error && <ErrorAlert>{m.error}</ErrorAlert>}
    </>
  );
}
