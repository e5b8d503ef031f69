import { Alert, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { downloadPdf } from './files';
import type { SeanceProps } from './SeancePage';
import { formatJour, type Detail, type Elu } from './types';
import { useAction } from '../lib/useAction';
import { DateField } from '../components/DateField';

const MODES = [
  { value: 'dematerialise', label: 'Dématérialisé (e-mail)' },
  { value: 'papier', label: 'Papier (à la demande de l’élu)' },
];

function EnvoiRow({
  detail,
  elu,
  editable,
  reload,
}: {
  detail: Detail;
  elu: Elu;
  editable: boolean;
  reload: () => Promise<void>;
}) {
  const envoi = detail.convocation.envois.find((x) => x.elu_id === elu.id);
  const [mode, setMode] = useState<string>(envoi?.mode ?? 'dematerialise');
  const [date, setDate] = useState<string>(envoi?.envoye_le ?? detail.aujourdhui);
  const a = useAction();
  const seanceId = detail.seance.id;
  const apercu = () =>
    a.run(async () => downloadPdf(await call('conseil.convocationPdf', { seanceId, eluId: elu.id })));
  const record = () =>
    a.run(async () => {
      await call('conseil.recordEnvoi', { seanceId, envoi: { eluId: elu.id, mode, date } });
      await reload();
    });
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={600}>
        {elu.nomComplet}
      </Table.Th>
      <Table.Td>
        {editable ? (
          <NativeSelect
            aria-label={`Mode d’envoi pour ${elu.nomComplet}`}
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value)}
            data={MODES}
          />
        ) : (
          (MODES.find((m) => m.value === envoi?.mode)?.label ?? '—')
        )}
      </Table.Td>
      <Table.Td>
        {editable ? (
          <DateField
            aria-label={`Date d’envoi pour ${elu.nomComplet}`}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={a.fields.date}
          />
        ) : (
          (envoi && formatJour(envoi.envoye_le)) || '—'
        )}
      </Table.Td>
      <Table.Td>
        {envoi ? (
          <Text size="sm" c="var(--clocher-color-success)" fw={600}>
            Envoyée le {formatJour(envoi.envoye_le)}
          </Text>
        ) : (
          <Text size="sm" fw={600}>
            Pas encore envoyée
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              onClick={() => void apercu()}
              aria-label={`Aperçu de la convocation de ${elu.nomComplet}`}
            >
              Aperçu
            </Button>
            {editable && (
              <Button
                size="xs"
                onClick={() => void record()}
                loading={a.busy}
                aria-label={`Enregistrer l’envoi à ${elu.nomComplet}`}
              >
                Enregistrer l’envoi
              </Button>
            )}
          </Group>
          {a.error && !a.fields.date && (
            <Text size="sm" c="red.9" role="alert">
              {a.error}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** Convocation: the jours francs rule, the last sending day, each élu's sending, the public posting. */
export function Convocation({ detail, canWrite, reload }: SeanceProps) {
  const { seance, convocation: c, elus } = detail;
  const editable = canWrite && (seance.statut === 'preparation' || seance.statut === 'convoquee');
  const bulk = useAction();
  const affichage = useAction();
  const [afficheLe, setAfficheLe] = useState(c.afficheeLe ?? detail.aujourdhui);
  const sendAll = () =>
    bulk.run(async () => {
      try {
        // one call, one transaction: all recorded, or none (and the reason shown)
        await call('conseil.recordEnvois', {
          seanceId: seance.id,
          envois: c.manquants.map((id) => ({ eluId: id, mode: 'dematerialise', date: detail.aujourdhui })),
        });
      } finally {
        await reload();
      }
    });
  const rule = c.rule;
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Délai de convocation
        </Title>
        <Text>
          {rule.joursFrancs} jour{rule.joursFrancs > 1 ? 's' : ''} franc{rule.joursFrancs > 1 ? 's' : ''}
          {seance.nature === 'urgence' ? ' (urgence)' : ''}, art. {rule.article} CGCT : ni le jour d’envoi ni celui de
          la séance ne comptent ; samedis, dimanches et jours fériés comptent. C’est la date d’envoi qui compte, pas
          celle de réception.
          {rule.noteDeSynthese ? ' Une note explicative de synthèse accompagne la convocation.' : ''}
        </Text>
        <Text fw={700} size="lg" mt="xs">
          Dernier jour d’envoi : {formatJour(c.dernierJourEnvoi)}
        </Text>
        {c.aujourdhui && !c.aujourdhui.ok && (
          <Alert color="red.9" variant="filled" role="alert" mt="sm" title="Trop tard pour convoquer">
            {c.aujourdhui.message}
          </Alert>
        )}
        {c.aujourdhui?.ok && (
          <Text mt="xs" c="var(--clocher-color-success)" fw={600}>
            {c.aujourdhui.message}
          </Text>
        )}
      </Paper>
      <Title order={2} size="h4">
        Envoi aux élus
      </Title>
      {editable && c.manquants.length > 0 && (
        <Group>
          <Button onClick={() => void sendAll()} loading={bulk.busy}>
            Tout enregistrer comme envoyé aujourd’hui (dématérialisé)
          </Button>
          <Text size="sm">
            {c.manquants.length} élu{c.manquants.length > 1 ? 's' : ''} sans envoi enregistré
          </Text>
        </Group>
      )}
      {bulk.error && <ErrorAlert>{bulk.error}</ErrorAlert>}
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Élu</Table.Th>
            <Table.Th scope="col">Mode</Table.Th>
            <Table.Th scope="col">Date d’envoi</Table.Th>
            <Table.Th scope="col">État</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {elus.map((e) => (
            <EnvoiRow
              key={`${e.id}-${c.envois.find((x) => x.elu_id === e.id)?.envoye_le ?? ''}`}
              detail={detail}
              elu={e}
              editable={editable}
              reload={reload}
            />
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Affichage de la convocation
        </Title>
        <Text mb="xs">La convocation est affichée ou publiée (art. L2121-10 CGCT).</Text>
        {c.afficheeLe && (
          <Text fw={600} c="var(--clocher-color-success)" mb="xs">
            Affichée à la mairie le {formatJour(c.afficheeLe)}.
          </Text>
        )}
        {editable && (
          <Group align="flex-end">
            <DateField
              label="Date d’affichage"
              value={afficheLe}
              onChange={(e) => setAfficheLe(e.currentTarget.value)}
            />
            <Button
              variant="light"
              loading={affichage.busy}
              onClick={() =>
                void affichage.run(async () => {
                  await call('conseil.recordAffichage', { seanceId: seance.id, date: afficheLe });
                  await reload();
                })
              }
            >
              Enregistrer l’affichage
            </Button>
          </Group>
        )}
        {affichage.error && <ErrorAlert>{affichage.error}</ErrorAlert>}
      </Paper>
    </Stack>
  );
}
