// « L'acte demandé » block of the demande form: the act found in the registers, or what the request describes
// of it (décret n° 2017-890, art. 29 and 30).
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { DateField } from '../../components/DateField';
import { ActePicker } from '../ActePicker';
import { frDate, KIND_OPTIONS, type SearchResult } from '../types';
import type { Draft } from './draft';
import type { DraftBinding } from './binding';

const KINDS = KIND_OPTIONS as unknown as { value: string; label: string }[];
/** « Naissance n° 1/1958 du 14/03/1958 — Jean Louis MARTIN »: the act chosen, as the form shows it. */
export const acteText = (a: Pick<SearchResult, 'libelle' | 'numero' | 'annee' | 'date_acte' | 'titulaire'>) =>
  `${a.libelle} n° ${a.numero}/${a.annee} du ${frDate(a.date_acte)} — ${a.titulaire}`;

export function ActeDemandeFields({
  b,
  acte,
  setActe,
}: {
  b: DraftBinding;
  acte: string | null;
  setActe: (a: string | null) => void;
}) {
  const { d, f, set, check, r } = b;
  const deces = d.acteType === 'deces' || d.acteType === 'transcription_deces';
  return (
    <>
      <Title order={3} size="h4" mt="md" mb="xs">
        L’acte demandé
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mb="xs">
        <NativeSelect
          label="Type d’acte"
          data={KINDS}
          value={d.acteType}
          onChange={set('acteType')}
          error={f.acteType}
          disabled={!!acte}
        />
      </SimpleGrid>
      <ActeChoisi setD={b.setD} acte={acte} setActe={setActe} />
      <Text size="sm" fw={600} mt="sm" mb={4}>
        La personne de l’acte, selon la demande (décret n° 2017-890, art. 29 et 30)
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
        <TextInput label="Nom de la personne" {...r('nom')} />
        <TextInput label="Prénoms de la personne" {...r('prenoms')} />
        <DateField label="Sa date de naissance" {...r('dateNaissance')} />
        <TextInput label="Son lieu de naissance" {...r('lieuNaissance')} />
        {d.acteType !== 'naissance' && (
          <DateField label={deces ? 'Date du décès' : 'Date de l’événement'} {...r('dateEvenement')} />
        )}
        {d.acteType !== 'naissance' && (
          <TextInput label={deces ? 'Lieu du décès' : 'Lieu de l’événement'} {...r('lieuEvenement')} />
        )}
        <TextInput label="Nom du premier parent" {...r('parent1Nom')} />
        <TextInput label="Prénoms du premier parent" {...r('parent1Prenoms')} />
        <TextInput label="Nom du second parent" {...r('parent2Nom')} disabled={d.unSeulParent} />
        <TextInput label="Prénoms du second parent" {...r('parent2Prenoms')} disabled={d.unSeulParent} />
        {d.acteType === 'reconnaissance' && (
          <TextInput label="Nom de l’auteur de la reconnaissance" {...r('declarantNom')} />
        )}
        {d.acteType === 'reconnaissance' && (
          <TextInput label="Prénoms de l’auteur de la reconnaissance" {...r('declarantPrenoms')} />
        )}
        {!deces && <DateField label="Décédée le (si connu)" {...r('decesConnuLe')} />}
      </SimpleGrid>
      <Checkbox
        mt="xs"
        label="L’acte ne mentionne qu’un seul parent"
        checked={d.unSeulParent}
        onChange={check('unSeulParent')}
      />
    </>
  );
}

/** The act found in the registers and chosen, or the search to find it (the request may describe it only). */
function ActeChoisi({
  setD,
  acte,
  setActe,
}: {
  setD: DraftBinding['setD'];
  acte: string | null;
  setActe: (a: string | null) => void;
}) {
  return acte ? (
    <Group gap="xs" mb="xs">
      <Text size="sm" fw={600}>
        Acte trouvé : {acte}
      </Text>
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => (setActe(null), setD((x) => ({ ...x, acteId: null })))}
      >
        Changer d’acte
      </Button>
    </Group>
  ) : (
    <>
      <ActePicker
        label="Rechercher l’acte dans les registres (nom, prénom, année…)"
        onPick={(a) => (
          setActe(acteText(a)),
          setD((x) => ({ ...x, acteId: a.id, acteType: a.type as Draft['acteType'] }))
        )}
      />
      <Text size="xs" mt={4}>
        Acte introuvable ? Ne choisissez rien : la demande est enregistrée avec ce qu’elle décrit ci-dessous.
      </Text>
    </>
  );
}
