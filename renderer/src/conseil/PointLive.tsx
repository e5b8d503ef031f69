import { Alert, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { downloadPdf } from './files';
import { NominationForm } from './NominationForm';
import { Note } from './Note';
import type { SeanceProps } from './SeancePage';
import { FILL, nameOf, POINT_STATUT, SCRUTIN_LABELS, type Point } from './types';
import { useAction } from '../lib/useAction';
import { VoteForm } from './VoteForm';

/** Présents, représentés, votants and the quorum for this item, as the core computes them. */
function SituationBox({ point, elus }: { point: Point; elus: SeanceProps['detail']['elus'] }) {
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
function Mouvements({
  detail,
  point,
  reload,
}: {
  detail: SeanceProps['detail'];
  point: Point;
  reload: () => Promise<void>;
}) {
  const { elus, seance, mouvements } = detail;
  const [interesses, setInteresses] = useState<string[]>(point.interesses.map(String));
  const [elu, setElu] = useState('');
  const [type, setType] = useState('depart');
  const i = useAction();
  const m = useAction();
  const here = (mouvements as { id: number; elu_id: number; avant_rang: number; type: string }[]).filter(
    (x) => x.avant_rang <= point.rang,
  );
  return (
    <Stack gap="sm">
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
                seanceId: seance.id,
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
    </Stack>
  );
}

/** One item during the séance: situation, intéressés, movements, then the vote (or its result). */
export function PointLive({
  detail,
  point,
  canWrite,
  reload,
  onNext,
}: {
  detail: SeanceProps['detail'];
  point: Point;
  canWrite: boolean;
  reload: () => Promise<void>;
  onNext: (() => void) | null;
}) {
  const { elus, seance } = detail;
  const [result, setResult] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const r = useAction();
  const dl = useAction();
  const live = canWrite && seance.statut === 'en_cours' && point.statut === 'a_examiner';
  const quorumOk = point.situation?.quorum.reached ?? false;
  const d = point.deliberation;
  const voters = point.situation
    ? `${point.situation.attendance.votants}-${point.situation.attendance.presents.join(',')}`
    : '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`point-${point.id}-title`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id={`point-${point.id}-title`}>
            Point {point.rang} : {point.titre}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color={FILL.blue} size="lg">
              {SCRUTIN_LABELS[point.scrutin]}
            </Badge>
            <Badge
              color={point.statut === 'delibere' ? FILL.green : point.statut === 'reporte' ? FILL.orange : FILL.gray}
              size="lg"
            >
              {POINT_STATUT[point.statut]}
            </Badge>
          </Group>
        </Group>
        {point.rapporteur_elu_id && <Text>Rapporteur : {nameOf(elus, point.rapporteur_elu_id)}</Text>}
        {point.statut !== 'delibere' && <SituationBox point={point} elus={elus} />}
        {result && (
          <Note color="green" variant="light" title="Vote enregistré">
            <Text c="var(--clocher-color-success)">{result}</Text>
          </Note>
        )}
        {point.vote && !result && (
          <Text fw={700} size="lg">
            {String((point.vote as { message?: string }).message ?? '')}
          </Text>
        )}
        {d && (
          <Group>
            <Text fw={700}>
              Délibération n° {d.numero} — {d.adoptee ? 'adoptée' : 'rejetée'}
            </Text>
            <Button
              variant="light"
              onClick={() =>
                void dl.run(async () => downloadPdf(await call('documents.get', { sha256: d.pdf_sha256 ?? '' })))
              }
              aria-label={`Télécharger la délibération n° ${d.numero}`}
              disabled={!d.pdf_sha256}
            >
              Télécharger
            </Button>
          </Group>
        )}
        {dl.error && <ErrorAlert>{dl.error}</ErrorAlert>}
        {canWrite &&
          seance.statut === 'en_cours' &&
          point.statut === 'delibere' &&
          point.scrutin !== 'nomination' &&
          point.situation &&
          d?.signature !== 'signee' &&
          // a wrong count can be corrected until the séance is closed; the délibération keeps its number
          (correcting ? (
            <VoteForm
              point={point}
              situation={point.situation}
              elus={elus}
              disabled={false}
              correction
              onVoted={(x) => {
                setCorrecting(false);
                setResult(`Vote corrigé — délibération n° ${x.numero} : ${x.message}`);
                void reload();
              }}
            />
          ) : (
            <Group>
              <Button variant="default" onClick={() => setCorrecting(true)}>
                Corriger le vote
              </Button>
              <Text size="sm">
                Possible jusqu’à la levée de la séance ; ensuite, seule une nouvelle délibération corrige celle-ci.
              </Text>
            </Group>
          ))}
        {point.statut === 'reporte' && (
          <Text fw={600}>Ce point est reporté ; il pourra être inscrit à une séance suivante.</Text>
        )}
        {live && (
          <Mouvements key={`${point.id}-${point.interesses.join(',')}`} detail={detail} point={point} reload={reload} />
        )}
        {live &&
          point.situation &&
          (point.scrutin === 'nomination' ? (
            <NominationForm
              key={`${voters}-${point.tours.length}`}
              point={point}
              elus={elus}
              disabled={!quorumOk}
              onDone={(m) => {
                setResult(m);
                void reload();
              }}
            />
          ) : (
            <VoteForm
              key={voters}
              point={point}
              situation={point.situation}
              elus={elus}
              disabled={!quorumOk}
              onVoted={(x) => {
                setResult(`Délibération n° ${x.numero} : ${x.message}`);
                void reload();
              }}
            />
          ))}
        {live && !quorumOk && (
          <Note color="orange" variant="light" title="Sans quorum, le point ne peut pas être délibéré">
            Reportez le point. Le conseil peut être convoqué à nouveau, à trois jours au moins d’intervalle : il
            délibérera alors valablement sur les points reportés sans condition de quorum (art. L2121-17 al. 2 CGCT).
            Une fois le point reporté, Clocher propose de créer cette séance.
          </Note>
        )}
        {live && (
          <Group>
            <Button
              variant={quorumOk ? 'default' : 'filled'}
              color={quorumOk ? undefined : FILL.orange}
              loading={r.busy}
              onClick={() =>
                void r.run(async () => {
                  await call('conseil.reporterPoint', {
                    pointId: point.id,
                    motif: quorumOk ? 'Report décidé par le conseil' : 'Quorum non atteint (art. L2121-17 CGCT)',
                  });
                  await reload();
                })
              }
            >
              Reporter le point
            </Button>
          </Group>
        )}
        {r.error && <ErrorAlert>{r.error}</ErrorAlert>}
        {onNext && point.statut !== 'a_examiner' && (
          <Group>
            <Button size="lg" onClick={onNext}>
              Point suivant →
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
