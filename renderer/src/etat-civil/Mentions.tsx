import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { ActePicker } from './ActePicker';
import { frDate, type ActeView } from './types';
import { DateField } from '../components/DateField';

const NATURES = [
  ['mariage', 'Mariage'],
  ['divorce', 'Divorce'],
  ['separation_corps', 'Séparation de corps'],
  ['pacs', 'PACS'],
  ['pacs_modification', 'Modification du PACS'],
  ['pacs_dissolution', 'Dissolution du PACS'],
  ['deces', 'Décès'],
  ['reconnaissance', 'Reconnaissance'],
  ['changement_nom', 'Changement de nom'],
  ['changement_prenom', 'Changement de prénom'],
  ['rectification', 'Rectification'],
  ['nationalite', 'Nationalité'],
  ['repertoire_civil', 'Répertoire civil'],
].map(([value, label]) => ({ value: value!, label: label! }));
type Mention = {
  id: number;
  nature: string;
  texte: string;
  statut: string;
  echeance: string | null;
  appliquee_le: string | null;
  officier: string | null;
};

/** Mentions marginales: drafted from fields (the text follows the circulaire du 26 août 2020), edited, then validated for good. */
export function Mentions({ data, onChanged }: { data: ActeView; onChanged: () => void }) {
  const act = useAction();
  const [f, setF] = useState({ nature: 'mariage', date: '', lieu: '', prenoms: '', nom: '', autorite: '', objet: '' });
  const [texts, setTexts] = useState<Record<number, string>>({});
  const mentions = data.mentions as Mention[];
  const autorite = f.autorite
    ? f.nature.startsWith('pacs')
      ? { kind: 'officier' as const, commune: f.autorite }
      : { kind: 'tribunal' as const, nom: f.autorite }
    : null;
  const fields = () => ({
    nature: f.nature as never,
    date: f.date,
    lieu: f.lieu || null,
    autre: f.nom ? { prenoms: f.prenoms, nom: f.nom } : null,
    autorite,
    objet: f.objet || null,
  });
  const rediger = () =>
    act.run(
      async () => (
        await call('etatCivil.saveMention', { acteId: data.acte.id, mentionId: null, mention: fields() }),
        onChanged()
      ),
    );
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="sm">
        Mentions marginales
      </Title>
      <ErrorAlert>{act.error}</ErrorAlert>
      <Stack gap="xs" mb="md">
        {mentions.length === 0 && <Text size="sm">Aucune mention.</Text>}
        {mentions.map((m) => (
          <Paper key={m.id} withBorder p="xs">
            <Group gap="xs" mb={4}>
              <Badge color={m.statut === 'validee' ? 'teal.9' : 'orange.9'} variant="filled">
                {m.statut === 'validee' ? `Apposée le ${frDate(m.appliquee_le)}` : 'Brouillon'}
              </Badge>
              {m.echeance && m.statut !== 'validee' && (
                <Text size="xs">À apposer avant le {frDate(m.echeance)} (C. civ. art. 49)</Text>
              )}
            </Group>
            {m.statut === 'validee' ? (
              <Text size="sm">
                {m.texte}{' '}
                <Text span size="xs">
                  — {m.officier}
                </Text>
              </Text>
            ) : (
              <>
                <Textarea
                  label="Texte de la mention (modifiable avant validation)"
                  autosize
                  value={texts[m.id] ?? m.texte}
                  onChange={(e) => setTexts({ ...texts, [m.id]: e.currentTarget.value })}
                />
                <Button
                  mt="xs"
                  size="compact-sm"
                  color="teal.9"
                  onClick={() =>
                    void act.run(async () => {
                      const t = texts[m.id];
                      if (t && t !== m.texte)
                        await call('etatCivil.saveMention', {
                          acteId: data.acte.id,
                          mentionId: m.id,
                          mention: {
                            nature: m.nature as never,
                            date: (data.mentions as { id: number; date_evenement: string }[]).find(
                              (x) => x.id === m.id,
                            )!.date_evenement,
                            texte: t,
                          },
                        });
                      await call('etatCivil.validateMention', { mentionId: m.id });
                      onChanged();
                    })
                  }
                >
                  Valider et apposer
                </Button>
              </>
            )}
          </Paper>
        ))}
      </Stack>
      <Title order={3} size="h4" mb="xs">
        Rédiger une mention
      </Title>
      <SimpleGrid cols={2} spacing="xs">
        <Select
          label="Nature"
          data={NATURES}
          value={f.nature}
          onChange={(v) => setF({ ...f, nature: v ?? 'mariage' })}
          allowDeselect={false}
        />
        <DateField
          label="Date de l’événement ou de la décision"
          value={f.date}
          onChange={(e) => setF({ ...f, date: e.currentTarget.value })}
        />
        <TextInput label="Lieu" value={f.lieu} onChange={(e) => setF({ ...f, lieu: e.currentTarget.value })} />
        <TextInput
          label="Tribunal ou commune d’enregistrement"
          value={f.autorite}
          onChange={(e) => setF({ ...f, autorite: e.currentTarget.value })}
        />
        <TextInput
          label="Prénoms de l’autre personne"
          value={f.prenoms}
          onChange={(e) => setF({ ...f, prenoms: e.currentTarget.value })}
        />
        <TextInput
          label="Nom de l’autre personne"
          value={f.nom}
          onChange={(e) => setF({ ...f, nom: e.currentTarget.value })}
        />
        <TextInput
          label="Objet (nouveau nom, rectification, n° RC…)"
          value={f.objet}
          onChange={(e) => setF({ ...f, objet: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Button mt="sm" onClick={() => void rediger()} loading={act.busy}>
        Rédiger
      </Button>
      <MentionsRequises data={data} onChanged={onChanged} />
    </Paper>
  );
}

/** The mentions this act requires elsewhere (C. civ. art. 49): on an act here, or by avis to another commune. */
function MentionsRequises({ data, onChanged }: { data: ActeView; onChanged: () => void }) {
  const act = useAction();
  const [ailleurs, setAilleurs] = useState({ commune: '', acteVise: '', sexe: '' });
  const todo = data.mentionsRequises.filter((m) => !m.prevue);
  if (!todo.length) return null;
  const m = todo[0]!;
  return (
    <Paper withBorder p="sm" mt="md">
      <Title order={3} size="h4">
        Mention à porter sur l’acte de naissance (titulaire {m.titulaireRang}) — C. civ. art. 49, dans les 3 jours
      </Title>
      <ErrorAlert>{act.error}</ErrorAlert>
      <ActePicker
        label="L’acte de naissance est dans nos registres : rechercher"
        onPick={(r) =>
          void act.run(
            async () => (
              await call('etatCivil.prevoirMention', {
                acteId: data.acte.id,
                cible: { titulaireRang: m.titulaireRang, acteId: r.id },
              }),
              onChanged()
            ),
          )
        }
      />
      <Text size="sm" mt="sm" fw={600}>
        Ou il est dans une autre commune : avis de mention
      </Text>
      <SimpleGrid cols={3} spacing="xs">
        <TextInput
          label="Commune"
          value={ailleurs.commune}
          onChange={(e) => setAilleurs({ ...ailleurs, commune: e.currentTarget.value })}
        />
        <TextInput
          label="Acte à mentionner (type, n°, année, nom)"
          value={ailleurs.acteVise}
          onChange={(e) => setAilleurs({ ...ailleurs, acteVise: e.currentTarget.value })}
        />
        <Select
          label="Sexe du titulaire"
          data={[
            { value: 'F', label: 'Féminin' },
            { value: 'M', label: 'Masculin' },
          ]}
          value={ailleurs.sexe || null}
          onChange={(v) => setAilleurs({ ...ailleurs, sexe: v ?? '' })}
        />
      </SimpleGrid>
      <Button
        mt="xs"
        onClick={() =>
          void act.run(
            async () => (
              await call('etatCivil.prevoirMention', {
                acteId: data.acte.id,
                cible: {
                  titulaireRang: m.titulaireRang,
                  commune: ailleurs.commune,
                  acteVise: ailleurs.acteVise,
                  ...(ailleurs.sexe ? { sexe: ailleurs.sexe as 'F' } : {}),
                },
              }),
              onChanged()
            ),
          )
        }
      >
        Préparer l’avis de mention
      </Button>
    </Paper>
  );
}
