import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField } from '../../components/DateField';
import { useAction } from '../../lib/useAction';
import { ActePicker } from '../ActePicker';
import { frDate, KIND_OPTIONS, type SearchResult } from '../types';
import { CANAUX, DOCUMENTS, LIVRAISONS, QUALITES } from './labels';
import { blankDraft, COURRIEL_REFUS, fieldKey, type Draft } from './draft';

const KINDS = KIND_OPTIONS as unknown as { value: string; label: string }[];
/** « Naissance n° 1/1958 du 14/03/1958 — Jean Louis MARTIN »: the act chosen, as the form shows it. */
export const acteText = (a: Pick<SearchResult, 'libelle' | 'numero' | 'annee' | 'date_acte' | 'titulaire'>) =>
  `${a.libelle} n° ${a.numero}/${a.annee} du ${frDate(a.date_acte)} — ${a.titulaire}`;

/** A recorded request opened to complete or correct it: its reference, its values, the act it names, a notice above. */
export interface Edition {
  reference: string;
  draft: Draft;
  acte: string | null;
  notice?: ReactNode;
  /** the label of the field to start on (the first one the complément letter asked for), else « Canal » */
  focus?: string;
}
const AVEC_PREUVES = [
  'personne_elle_meme',
  'mandataire',
  'habilitation_familiale',
  'administration',
  'avocat',
  'genealogiste',
];

/**
 * « Nouvelle demande »: what a secrétaire types at the guichet, top to bottom with Tab (native selects: a
 * letter jumps to its option), Ctrl+Entrée records. Nothing typed is lost on a refusal: the core's message
 * shows above, the field's under it. The core computes the decision once recorded, before anything is produced.
 * With `edit`, the same form completes or corrects a recorded request (etatCivil.demande.update), prefilled.
 */
export function DemandeForm({
  today,
  onSaved,
  onCancel,
  save,
  edit,
}: {
  today: string;
  onSaved: (id: number) => void;
  onCancel: () => void;
  save: (d: Draft) => Promise<number>;
  edit?: Edition;
}) {
  const [d, setD] = useState<Draft>(() => edit?.draft ?? blankDraft(today));
  const [acte, setActe] = useState<string | null>(edit?.acte ?? null);
  const act = useAction();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const label = edit?.focus
      ? [...(form.current?.querySelectorAll('label') ?? [])].find((l) => l.textContent?.trim() === edit.focus)
      : null;
    if (label?.htmlFor) document.getElementById(label.htmlFor)?.focus();
  }, [edit?.focus]);
  const f = Object.fromEntries(Object.entries(act.fields).map(([k, v]) => [fieldKey(k), v]));
  // the value is read in the handler: React's event has lost its currentTarget when the updater runs
  const put = (k: keyof Draft, v: unknown) => setD((x) => ({ ...x, [k]: v }));
  const set = (k: keyof Draft) => (e: { currentTarget: { value: string } }) => put(k, e.currentTarget.value);
  const check = (k: keyof Draft) => (e: { currentTarget: { checked: boolean } }) => put(k, e.currentTarget.checked);
  const r = (k: keyof Draft['r']) => ({
    value: d.r[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const v = e.currentTarget.value;
      setD((x) => ({ ...x, r: { ...x.r, [k]: v } }));
    },
    error: f[`r.${k}`],
  });
  const submit = act.submit(async () => onSaved(await save(d)));
  const deces = d.acteType === 'deces' || d.acteType === 'transcription_deces';
  return (
    <Paper
      ref={form}
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      onKeyDown={(e) => e.ctrlKey && e.key === 'Enter' && submit(e)}
      aria-labelledby="nouvelle-demande"
    >
      <Title order={2} size="h3" id="nouvelle-demande" mb={4}>
        {edit ? `Compléter ou modifier la demande n° ${edit.reference}` : 'Nouvelle demande'}
      </Title>
      <Text size="xs" mb="sm">
        Tab passe au champ suivant ; dans une liste, tapez la première lettre ; Ctrl+Entrée enregistre.
      </Text>
      <ErrorAlert>{act.error}</ErrorAlert>
      {edit?.notice}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <NativeSelect
          label="Canal"
          data={CANAUX}
          value={d.canal}
          onChange={set('canal')}
          error={f.canal}
          data-autofocus
          autoFocus
        />
        <DateField label="Reçue le" value={d.recueLe} onChange={set('recueLe')} error={f.recueLe} />
        <NativeSelect
          label="Remise du document"
          data={LIVRAISONS}
          value={d.livraison}
          onChange={set('livraison')}
          error={f.livraison}
        />
      </SimpleGrid>
      {d.livraison === 'courriel' && (
        <Alert
          color="blue"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          variant="light"
          mt="xs"
          title="Pas de courriel pour un acte de l’état civil"
        >
          {COURRIEL_REFUS}
        </Alert>
      )}

      <Title order={3} size="h4" mt="md" mb="xs">
        Le demandeur
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
        <NativeSelect
          label="Civilité"
          data={[
            { value: '', label: '—' },
            { value: 'Mme', label: 'Mme' },
            { value: 'M.', label: 'M.' },
          ]}
          value={d.civilite}
          onChange={set('civilite')}
        />
        <TextInput label="Nom du demandeur" value={d.nom} onChange={set('nom')} error={f.nom} />
        <TextInput label="Prénoms du demandeur" value={d.prenoms} onChange={set('prenoms')} error={f.prenoms} />
        <NativeSelect
          label="Qualité du demandeur"
          data={[{ value: '', label: 'Non précisée dans la demande' }, ...QUALITES]}
          value={d.qualite}
          onChange={set('qualite')}
          error={f.qualite}
        />
      </SimpleGrid>
      <Textarea
        mt="xs"
        label="Adresse postale du demandeur"
        autosize
        minRows={2}
        value={d.adresse}
        onChange={set('adresse')}
        error={f.adresse}
      />
      {AVEC_PREUVES.includes(d.qualite) && (
        <Group mt="xs" align="flex-end">
          {d.qualite === 'personne_elle_meme' && (
            <NativeSelect
              label="Majeure ou émancipée ?"
              data={[
                { value: '', label: 'Selon la date de naissance' },
                { value: 'oui', label: 'Oui' },
                { value: 'non', label: 'Non (mineure)' },
              ]}
              value={d.majeur}
              onChange={set('majeur')}
            />
          )}
          {d.qualite === 'mandataire' && (
            <Checkbox label="Mandat écrit fourni" checked={d.mandatEcrit} onChange={check('mandatEcrit')} />
          )}
          {d.qualite === 'habilitation_familiale' && (
            <Checkbox
              label="Jugement d’habilitation familiale fourni"
              checked={d.jugementHabilitation}
              onChange={check('jugementHabilitation')}
            />
          )}
          {d.qualite === 'administration' && (
            <TextInput
              style={{ flex: 1 }}
              label="Texte qui autorise l’administration (cité dans sa demande)"
              value={d.texteInvoque}
              onChange={set('texteInvoque')}
              error={f.texteInvoque}
            />
          )}
          {d.qualite === 'avocat' && (
            <NativeSelect
              label="Qualité du client de l’avocat"
              data={[{ value: '', label: 'Non précisée' }, ...QUALITES.filter((o) => o.value !== 'avocat')]}
              value={d.clientQualite}
              onChange={set('clientQualite')}
            />
          )}
          {d.qualite === 'genealogiste' && (
            <Checkbox
              label="Autorisation de consultation des archives fournie"
              checked={d.autorisationArchives}
              onChange={check('autorisationArchives')}
            />
          )}
          {d.qualite === 'genealogiste' && (
            <Checkbox
              label="Mandat d’un notaire ou d’un ayant droit fourni"
              checked={d.mandatGenealogiste}
              onChange={check('mandatGenealogiste')}
            />
          )}
        </Group>
      )}

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
      {acte ? (
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
      )}
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

      <Title order={3} size="h4" mt="md" mb="xs">
        Le document
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <NativeSelect
          label="Document demandé"
          data={DOCUMENTS}
          value={d.document}
          onChange={set('document')}
          error={f.document}
        />
        <NumberInput
          label="Nombre d’exemplaires"
          min={1}
          max={10}
          clampBehavior="strict"
          value={d.exemplaires}
          onChange={(n) => setD((x) => ({ ...x, exemplaires: Number(n) || 1 }))}
          error={f.exemplaires}
        />
      </SimpleGrid>
      <Group mt="xs">
        <Checkbox
          label="Toutes les mentions de mariage et de divorce (demande expresse)"
          checked={d.tousMariages}
          onChange={check('tousMariages')}
        />
        {d.document === 'extrait_sans_filiation' && (
          <Checkbox
            label="Avec les mentions relatives à la nationalité (demande expresse)"
            checked={d.nationalite}
            onChange={check('nationalite')}
          />
        )}
      </Group>
      <Group mt="md">
        <Button type="submit" loading={act.busy}>
          {edit ? 'Enregistrer et recalculer la décision' : 'Enregistrer et voir la décision'}
        </Button>
        <Button variant="default" onClick={onCancel}>
          Annuler
        </Button>
      </Group>
    </Paper>
  );
}
