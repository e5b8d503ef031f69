import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { downloadPdf } from './files';
import { NominationForm } from './NominationForm';
import { Note } from './Note';
import { Mouvements, SituationBox } from './PointPresences';
import type { SeanceProps } from './SeancePage';
import { FILL, nameOf, POINT_STATUT, SCRUTIN_LABELS, type Point } from './types';
import { useAction } from '../lib/useAction';
import { VoteForm } from './VoteForm';

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
  const live = canWrite && seance.statut === 'en_cours' && point.statut === 'a_examiner';
  const quorumOk = point.situation?.quorum.reached ?? false;
  const d = point.deliberation;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`point-${point.id}-title`}>
      <Stack gap="sm">
        <PointHeader point={point} />
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
        <DeliberationLine d={d} />
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
        {live && <LiveVote point={point} elus={elus} quorumOk={quorumOk} setResult={setResult} reload={reload} />}
        <ReporterPoint point={point} live={live} quorumOk={quorumOk} reload={reload} />
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

/** The item's title, its kind of vote and where it stands. */
function PointHeader({ point }: { point: Point }) {
  return (
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
  );
}

/** The vote of an open item with its situation: a nomination's rounds, or the vote form (L2121-21). */
function LiveVote({
  point,
  elus,
  quorumOk,
  setResult,
  reload,
}: {
  point: Point;
  elus: SeanceProps['detail']['elus'];
  quorumOk: boolean;
  setResult: (m: string) => void;
  reload: () => Promise<void>;
}) {
  const voters = point.situation
    ? `${point.situation.attendance.votants}-${point.situation.attendance.presents.join(',')}`
    : '';
  return (
    <>
      {point.situation &&
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
    </>
  );
}

/** The délibération an item gave, with its PDF to download. */
function DeliberationLine({ d }: { d: Point['deliberation'] }) {
  const dl = useAction();
  return (
    <>
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
    </>
  );
}

/** Without quorum the item is postponed (L2121-17 al. 2); with it, the council may still postpone it. */
function ReporterPoint({
  point,
  live,
  quorumOk,
  reload,
}: {
  point: Point;
  live: boolean;
  quorumOk: boolean;
  reload: () => Promise<void>;
}) {
  const r = useAction();
  return (
    <>
      {live && !quorumOk && (
        <Note color="orange" variant="light" title="Sans quorum, le point ne peut pas être délibéré">
          Reportez le point. Le conseil peut être convoqué à nouveau, à trois jours au moins d’intervalle : il
          délibérera alors valablement sur les points reportés sans condition de quorum (art. L2121-17 al. 2 CGCT). Une
          fois le point reporté, Clocher propose de créer cette séance.
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
    </>
  );
}
