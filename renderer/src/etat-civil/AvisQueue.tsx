import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { downloadFile } from '../lib/files';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';
import { ActePicker } from './ActePicker';
import { frDate, type Avis } from './types';
import { DateField } from '../components/DateField';

const today = () => new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });

/** The avis de mention: sent ones (letter, sending, récépissé, reminders) and received ones (apply, récépissé back). */
export function AvisQueue({ onOpen }: { onOpen: (id: number) => void }) {
  const { data, error, reload } = useLoad(() => call('etatCivil.avis', {}));
  const act = useAction();
  const [dates, setDates] = useState<Record<number, string>>({});
  const go = (fn: () => Promise<unknown>) => act.run(async () => (await fn(), await reload()));
  const dateOf = (a: Avis) => dates[a.id] ?? today();
  return (
    <>
      <ErrorAlert>{error ?? act.error}</ErrorAlert>
      <Stack>
        {(data ?? []).length === 0 && <Text size="sm">Aucun avis de mention.</Text>}
        {(data ?? []).map((a) => {
          const late = !!a.aFaire?.due && a.aFaire.due < today();
          return (
            <Paper key={a.id} withBorder p="sm">
              <Group gap="xs" mb={4}>
                <Badge variant="filled" color={a.sens === 'sortant' ? 'blue.9' : 'grape.9'}>
                  {a.sens === 'sortant' ? `Envoyé à ${a.commune}` : `Reçu de ${a.commune}`}
                </Badge>
                <Text size="sm" fw={600}>
                  {a.natureLibelle} — {a.acte_vise}
                </Text>
              </Group>
              <Text size="sm">« {a.texte} »</Text>
              {a.aFaire ? (
                <Text size="sm" c={late ? 'red.9' : undefined} fw={late ? 700 : undefined}>
                  {late ? 'En retard : ' : 'À faire : '}
                  {a.aFaire.title}
                  {a.aFaire.due ? ` avant le ${frDate(a.aFaire.due)}` : ''} ({a.aFaire.ref})
                </Text>
              ) : (
                <Text size="sm">
                  Récépissé du {frDate(a.recepisse_le)}, conservé jusqu’au {frDate(a.conserver_jusqu_au)} (IGREC n°
                  229-1).
                </Text>
              )}
              {a.aFaire && (
                <Group gap="xs" mt="xs" align="flex-end">
                  <DateField
                    size="xs"
                    label="Date"
                    value={dateOf(a)}
                    onChange={(e) => setDates({ ...dates, [a.id]: e.currentTarget.value })}
                  />
                  {a.sens === 'sortant' && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() =>
                        void go(async () => downloadFile(await call('etatCivil.avisPdf', { avisId: a.id })))
                      }
                    >
                      Imprimer l’avis
                    </Button>
                  )}
                  {a.sens === 'sortant' && !a.envoye_le && (
                    <Button
                      size="compact-sm"
                      onClick={() => void go(() => call('etatCivil.avisEnvoye', { avisId: a.id, date: dateOf(a) }))}
                    >
                      Noter l’envoi
                    </Button>
                  )}
                  {a.sens === 'sortant' && a.envoye_le && (
                    <Button
                      size="compact-sm"
                      onClick={() => void go(() => call('etatCivil.avisRecepisse', { avisId: a.id, date: dateOf(a) }))}
                    >
                      Récépissé reçu
                    </Button>
                  )}
                  {a.sens === 'sortant' && a.envoye_le && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => void go(() => call('etatCivil.avisRelance', { avisId: a.id, date: dateOf(a) }))}
                    >
                      Noter une relance
                    </Button>
                  )}
                  {a.sens === 'entrant' && a.mention_statut === 'validee' && (
                    <Button
                      size="compact-sm"
                      onClick={() =>
                        void go(async () => downloadFile(await call('etatCivil.recepissePdf', { avisId: a.id })))
                      }
                    >
                      Envoyer le récépissé
                    </Button>
                  )}
                  {a.sens === 'entrant' && a.acte_id && (
                    <Button size="compact-sm" variant="default" onClick={() => onOpen(a.acte_id!)}>
                      Ouvrir l’acte
                    </Button>
                  )}
                </Group>
              )}
              {a.sens === 'entrant' && !a.mention_id && a.mention_statut === null && (
                <ActePicker
                  label="Appliquer à l’acte de nos registres : rechercher"
                  onPick={(r) => void go(() => call('etatCivil.avisAppliquer', { avisId: a.id, acteId: r.id }))}
                />
              )}
            </Paper>
          );
        })}
      </Stack>
      <AvisRecu onSaved={() => void reload()} />
    </>
  );
}

function AvisRecu({ onSaved }: { onSaved: () => void }) {
  const act = useAction();
  const [f, setF] = useState({
    commune: '',
    acteVise: '',
    recu_le: today(),
    nature: 'mariage',
    date: '',
    lieu: '',
    prenoms: '',
    nom: '',
  });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f, [k]: e.currentTarget.value });
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={2} size="h3" mb="sm">
        Enregistrer un avis de mention reçu
      </Title>
      <ErrorAlert>{act.error}</ErrorAlert>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput label="Commune émettrice" value={f.commune} onChange={set('commune')} />
        <TextInput label="Acte à mentionner" value={f.acteVise} onChange={set('acteVise')} />
        <DateField label="Reçu le" value={f.recu_le} onChange={set('recu_le')} />
        <Select
          label="Nature"
          data={[
            { value: 'mariage', label: 'Mariage' },
            { value: 'deces', label: 'Décès' },
            { value: 'reconnaissance', label: 'Reconnaissance' },
          ]}
          value={f.nature}
          onChange={(v) => setF({ ...f, nature: v ?? 'mariage' })}
          allowDeselect={false}
        />
        <DateField label="Date de l’événement" value={f.date} onChange={set('date')} />
        <TextInput label="Lieu de l’événement" value={f.lieu} onChange={set('lieu')} />
        <TextInput label="Prénoms de l’autre personne" value={f.prenoms} onChange={set('prenoms')} />
        <TextInput label="Nom de l’autre personne" value={f.nom} onChange={set('nom')} />
      </SimpleGrid>
      <Button
        mt="sm"
        loading={act.busy}
        onClick={() =>
          void act.run(async () => {
            await call('etatCivil.avisEntrant', {
              commune: f.commune,
              acteVise: f.acteVise,
              recu_le: f.recu_le,
              mention: {
                nature: f.nature as 'mariage',
                date: f.date,
                lieu: f.lieu || null,
                autre: f.nom ? { prenoms: f.prenoms, nom: f.nom } : null,
              },
            });
            onSaved();
          })
        }
      >
        Enregistrer l’avis reçu
      </Button>
    </Paper>
  );
}
