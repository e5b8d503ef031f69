import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { downloadPdf } from './files';
import type { SeanceProps } from './SeancePage';
import { FILL, formatJour, PV_LABELS, todayIso } from './types';
import { useAction } from '../lib/useAction';
import { DateField } from '../components/DateField';

interface Pv {
  statut: 'brouillon' | 'arrete' | 'signe' | 'publie';
  debats: string;
  arrete_le: string | null;
  publie_le: string | null;
  pdf_sha256: string | null;
}

/** The procès-verbal (L2121-15): drafted, arrêté at the next séance once open, signed, published within a week. */
export function PvSection({ detail, canWrite, reload }: SeanceProps) {
  const { seance, echeances } = detail;
  const pv = detail.pv as unknown as Pv | null;
  const [debats, setDebats] = useState(pv?.debats ?? '');
  const [publieLe, setPublieLe] = useState(todayIso());
  const a = useAction();
  const [saved, setSaved] = useState(false);
  if (!pv) return null;
  const act = (fn: () => Promise<unknown>) =>
    a.run(async () => {
      await fn();
      await reload();
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pv-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="pv-title">
          Procès-verbal
        </Title>
        <Badge size="lg" color={pv.statut === 'publie' ? FILL.green : FILL.blue}>
          {PV_LABELS[pv.statut] ?? pv.statut}
        </Badge>
      </Group>
      <Text size="sm" mb="sm">
        Rédigé par le ou les secrétaires de séance, arrêté au commencement de la séance suivante, signé par le président
        et le ou les secrétaires, puis publié dans la semaine qui suit (art. L2121-15 CGCT).
      </Text>
      <Stack gap="sm">
        {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
        {pv.statut === 'brouillon' ? (
          <>
            <Textarea
              label="Teneur des discussions"
              autosize
              minRows={6}
              maxRows={20}
              value={debats}
              onChange={(e) => setDebats(e.currentTarget.value)}
              readOnly={!canWrite}
            />
            {canWrite && (
              <Group>
                <Button
                  variant="light"
                  loading={a.busy}
                  onClick={() =>
                    void act(async () => {
                      setSaved(false);
                      await call('conseil.pvSave', { seanceId: seance.id, debats });
                      setSaved(true);
                    })
                  }
                >
                  Enregistrer le projet de PV
                </Button>
                {saved && (
                  <Text fw={600} c="var(--clocher-color-success)">
                    Projet enregistré.
                  </Text>
                )}
              </Group>
            )}
            <Text size="sm">
              Le conseil arrête ce procès-verbal par un vote au commencement de la séance suivante : ouvrez-la, puis «
              Procès-verbaux à arrêter » (art. L2121-15 CGCT).
            </Text>
          </>
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{pv.debats}</Text>
        )}
        {pv.arrete_le && <Text fw={600}>Arrêté en séance du {formatJour(pv.arrete_le)}.</Text>}
        {echeances.pv && pv.statut !== 'publie' && (
          <Text fw={600}>À publier au plus tard le {formatJour(echeances.pv)} (art. L2121-15 CGCT).</Text>
        )}
        {pv.pdf_sha256 && (
          <Group>
            <Button
              variant="light"
              onClick={() =>
                void a.run(async () =>
                  downloadPdf({
                    ...(await call('documents.get', { sha256: pv.pdf_sha256 ?? '' })),
                    nom: `proces-verbal-${seance.date}.pdf`,
                  }),
                )
              }
            >
              Télécharger le PV
            </Button>
          </Group>
        )}
        {canWrite && pv.statut === 'arrete' && (
          <Group>
            <Button loading={a.busy} onClick={() => void act(() => call('conseil.pvSigner', { seanceId: seance.id }))}>
              PV signé par le président et le ou les secrétaires
            </Button>
          </Group>
        )}
        {canWrite && pv.statut === 'signe' && (
          <Group align="flex-end">
            <DateField
              label="Date de publication du PV"
              value={publieLe}
              onChange={(e) => setPublieLe(e.currentTarget.value)}
            />
            <Button
              loading={a.busy}
              onClick={() => void act(() => call('conseil.pvPublier', { seanceId: seance.id, date: publieLe }))}
            >
              Publier le PV
            </Button>
          </Group>
        )}
        {pv.publie_le && (
          <Text fw={600} c="var(--clocher-color-success)">
            Publié le {formatJour(pv.publie_le)}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
