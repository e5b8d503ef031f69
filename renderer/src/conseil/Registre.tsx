import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../lib/useLoad';
import { yearsUpTo } from './Deliberations';
import { downloadPdf } from './files';
import { todayIso } from './types';
import { Note } from './Note';
import { useAction } from '../lib/useAction';

const MODES = [
  { value: 'electronique', label: 'Publication électronique (par défaut)' },
  { value: 'affichage', label: 'Affichage' },
  { value: 'papier', label: 'Publication sur papier' },
];

/** The commune's mode de publicité (L2131-1 IV): chosen by a délibération under 3,500 inhabitants. */
function ModePublicite({ canWrite }: { canWrite: boolean }) {
  const cur = useLoad(() => call('conseil.deliberations', { limit: 1, offset: 0 }).then((r) => r.modePublicite));
  const [mode, setMode] = useState<string | null>(null);
  const [numero, setNumero] = useState<string | null>(null);
  const a = useAction();
  const [saved, setSaved] = useState(false);
  if (!cur.data) return cur.error ? <ErrorAlert>{cur.error}</ErrorAlert> : null;
  const m = mode ?? cur.data.mode;
  const n = numero ?? cur.data.deliberation ?? '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="publicite-title">
      <Title order={2} size="h4" id="publicite-title" mb="xs">
        Mode de publicité des actes
      </Title>
      <Text size="sm" mb="xs">
        Dans les communes de moins de 3 500 habitants, le conseil choisit par délibération l’affichage, la publication
        sur papier ou la publication électronique ; sans délibération, la publication est électronique (art. L2131-1 IV
        CGCT). La publication électronique dure au moins deux mois.
      </Text>
      <Text fw={600} mb="xs">
        Actuellement : {MODES.find((x) => x.value === cur.data?.mode)?.label ?? cur.data.mode}
        {cur.data.deliberation ? `, choisi par la délibération n° ${cur.data.deliberation}` : ''}.
      </Text>
      {canWrite && (
        <Group align="flex-end">
          <NativeSelect
            label="Mode de publicité"
            value={m}
            onChange={(e) => setMode(e.currentTarget.value)}
            data={MODES}
          />
          <TextInput
            label="Numéro de la délibération qui l’a choisi"
            value={n}
            onChange={(e) => setNumero(e.currentTarget.value)}
            w={280}
          />
          <Button
            loading={a.busy}
            onClick={() =>
              void a.run(async () => {
                setSaved(false);
                await call('conseil.setModePublicite', {
                  mode: m as 'affichage' | 'papier' | 'electronique',
                  deliberationNumero: n.trim() || null,
                });
                await cur.reload();
                setSaved(true);
              })
            }
          >
            Enregistrer le mode de publicité
          </Button>
        </Group>
      )}
      {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
      {saved && !a.error && (
        <Text mt="xs" c="var(--clocher-color-success)" fw={600}>
          Mode de publicité enregistré.
        </Text>
      )}
    </Paper>
  );
}

/** The registre des délibérations of a year, as PDF, with the binding rule (R2121-9). */
export function Registre({ canWrite }: { canWrite: boolean }) {
  const [annee, setAnnee] = useState(todayIso().slice(0, 4));
  const [done, setDone] = useState<string | null>(null);
  const a = useAction();
  const download = () =>
    a.run(async () => {
      setDone(null);
      const r = await call('conseil.registre', { annee: Number(annee) });
      downloadPdf(r);
      setDone(
        `Registre ${annee} téléchargé : ${r.seances} séance${r.seances > 1 ? 's' : ''}, ${r.deliberations} délibération${r.deliberations > 1 ? 's' : ''}.`,
      );
    });
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="registre-title">
        <Title order={2} size="h4" id="registre-title" mb="xs">
          Registre des délibérations
        </Title>
        <Text size="sm" mb="xs">
          Le registre est tenu sur papier, feuillets numérotés, coté et paraphé par le maire ; chaque séance se termine
          par un feuillet de clôture signé du maire et du ou des secrétaires. Les feuillets sont reliés chaque année, ou
          tous les cinq ans dans les communes de moins de 1 000 habitants ; le collage est interdit (art. R2121-9 CGCT).
          Le PDF produit ici s’imprime sur papier permanent.
        </Text>
        <Group align="flex-end">
          <NativeSelect
            label="Année du registre"
            value={annee}
            onChange={(e) => setAnnee(e.currentTarget.value)}
            data={yearsUpTo()}
          />
          <Button loading={a.busy} onClick={() => void download()}>
            Télécharger le registre
          </Button>
        </Group>
        {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
        {done && (
          <Note color="green" variant="light" mt="sm">
            <Text c="var(--clocher-color-success)">{done}</Text>
          </Note>
        )}
      </Paper>
      <ModePublicite canWrite={canWrite} />
    </Stack>
  );
}
