import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { DeliberationsTable } from './DeliberationRow';
import { downloadPdf } from './files';
import { PvSection } from './PvSection';
import { Reconvocation } from './Reconvocation';
import { Note } from './Note';
import type { SeanceProps } from './SeancePage';
import { formatJour, type Deliberation } from './types';
import { useAction } from '../lib/useAction';
import { DateField } from '../components/DateField';

/** After the séance: liste des délibérations (L2121-25), each délibération's publication and exécutoire status, the PV. */
export function ApresSeance(props: SeanceProps) {
  const { detail, canWrite, reload } = props;
  const { seance, points, echeances } = detail;
  const [date, setDate] = useState(detail.aujourdhui);
  const [message, setMessage] = useState<{ text: string; late: boolean } | null>(null);
  const a = useAction();
  if (seance.statut !== 'close')
    return (
      <Note color="blue" variant="light" title="La séance n’est pas encore levée">
        Après la séance : la liste des délibérations à publier dans la semaine, la publication de chaque délibération et
        le procès-verbal.
      </Note>
    );
  const delibs = points.map((p) => p.deliberation).filter((d): d is Deliberation => d !== null);
  const publish = () =>
    a.run(async () => {
      const r = await call('conseil.publishListe', { seanceId: seance.id, date });
      downloadPdf(r);
      setMessage({ text: r.message, late: r.late });
      await reload();
    });
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="liste-title">
        <Title order={2} size="h4" id="liste-title" mb="xs">
          Liste des délibérations
        </Title>
        <Text size="sm">
          Affichée à la mairie et mise en ligne dans la semaine qui suit la séance : date de la séance et objet de
          chaque délibération, adoptée ou rejetée (art. L2121-25 CGCT).
        </Text>
        {echeances.liste && !seance.liste_publiee_le && (
          <Text fw={700} mt="xs">
            À publier au plus tard le {formatJour(echeances.liste)}.
          </Text>
        )}
        {seance.liste_publiee_le && (
          <Text fw={600} mt="xs" c="var(--clocher-color-success)">
            Liste publiée le {formatJour(seance.liste_publiee_le)}.
          </Text>
        )}
        {message && (
          <Note mt="xs" color={message.late ? 'orange' : 'green'} variant="light">
            <Text c={message.late ? undefined : 'var(--clocher-color-success)'}>{message.text}</Text>
          </Note>
        )}
        {seance.liste_publiee_le ? (
          <Button
            mt="sm"
            variant="default"
            loading={a.busy}
            onClick={() => void a.run(async () => downloadPdf(await call('conseil.listePdf', { seanceId: seance.id })))}
          >
            Télécharger la liste
          </Button>
        ) : (
          canWrite && (
            <Group align="flex-end" mt="sm">
              <DateField
                label="Date de publication de la liste"
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                error={a.fields.date}
              />
              <Button loading={a.busy} onClick={() => void publish()}>
                Publier la liste et la télécharger
              </Button>
            </Group>
          )
        )}
        {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
      </Paper>
      <Title order={2} size="h4">
        Délibérations de la séance
      </Title>
      {delibs.length ? (
        <DeliberationsTable rows={delibs} canWrite={canWrite} reload={reload} />
      ) : (
        <Text>Aucune délibération.</Text>
      )}
      <PvSection {...props} />
      <Reconvocation {...props} />
    </Stack>
  );
}
