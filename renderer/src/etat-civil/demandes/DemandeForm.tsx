import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField } from '../../components/DateField';
import { useAction } from '../../lib/useAction';
import { ActePicker } from '../ActePicker';
import { frDate, KIND_OPTIONS, type SearchResult } from '../types';
import { CANAUX, DOCUMENTS, LIVRAISONS, QUALITES } from './labels';
import { blankDraft, COURRIEL_REFUS, type Draft } from './draft';

/**
 * « Nouvelle demande »: what a secrétaire types at the guichet, top to bottom with Tab (native selects: a
 * letter jumps to its option), Ctrl+Entrée records. Nothing typed is lost on a refusal: the core's message
 * shows above, the field's under it. The decision is computed by the core once recorded, before anything is
 * produced.
 */
export function DemandeForm({ today, onSaved, onCancel, save }: { today: string; onSaved: (id: number) => void; onCancel: () => void; save: (d: Draft) => Promise<number> }) {
  const [d, setD] = useState<Draft>(() => blankDraft(today));
  const [acte, setActe] = useState<SearchResult | null>(null);
  const act = useAction();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const r = (k: keyof Draft['renseignements']) => ({
    value: d.renseignements[k],
    onChange: (e: { currentTarget: { value: string } }) => setD((x) => ({ ...x, renseignements: { ...x.renseignements, [k]: e.currentTarget.value } })),
    error: act.fields[`renseignements.${k}`],
  });
  const f = act.fields;
  const submit = act.submit(async () => onSaved(await save(d)));
  const deces = d.acte_type === 'deces' || d.acte_type === 'transcription_deces';
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} onKeyDown={(e) => e.ctrlKey && e.key === 'Enter' && submit(e)} aria-labelledby="nouvelle-demande">
      <Title order={2} size="h3" id="nouvelle-demande" mb={4}>Nouvelle demande</Title>
      <Text size="xs" mb="sm">Tab passe au champ suivant ; dans une liste, tapez la première lettre ; Ctrl+Entrée enregistre.</Text>
      <ErrorAlert>{act.error}</ErrorAlert>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <NativeSelect label="Canal" data={CANAUX} value={d.canal} onChange={(e) => set('canal', e.currentTarget.value)} error={f.canal} data-autofocus autoFocus />
        <DateField label="Reçue le" value={d.recue_le} onChange={(e) => set('recue_le', e.currentTarget.value)} error={f.recue_le} />
        <NativeSelect label="Remise du document" data={LIVRAISONS} value={d.livraison} onChange={(e) => set('livraison', e.currentTarget.value)} error={f.livraison} />
      </SimpleGrid>
      {(d.livraison === 'courriel' || d.canal === 'courriel') && (
        <Alert color="blue" variant="light" mt="xs" title="Pas de courriel pour un acte d’état civil">{COURRIEL_REFUS}</Alert>
      )}

      <Title order={3} size="h4" mt="md" mb="xs">Le demandeur</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput label="Nom du demandeur" value={d.demandeur_nom} onChange={(e) => set('demandeur_nom', e.currentTarget.value)} error={f.demandeur_nom} />
        <TextInput label="Prénoms du demandeur" value={d.demandeur_prenoms} onChange={(e) => set('demandeur_prenoms', e.currentTarget.value)} error={f.demandeur_prenoms} />
        <NativeSelect label="Qualité du demandeur" data={QUALITES} value={d.qualite} onChange={(e) => set('qualite', e.currentTarget.value)} error={f.qualite} />
      </SimpleGrid>
      <Textarea mt="xs" label="Adresse du demandeur" autosize minRows={2} value={d.demandeur_adresse} onChange={(e) => set('demandeur_adresse', e.currentTarget.value)} error={f.demandeur_adresse} />
      <Justificatifs d={d} setD={setD} />

      <Title order={3} size="h4" mt="md" mb="xs">L’acte demandé</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mb="xs">
        <NativeSelect label="Type d’acte" data={KIND_OPTIONS as unknown as { value: string; label: string }[]} value={d.acte_type} onChange={(e) => set('acte_type', e.currentTarget.value)} error={f.acte_type} />
      </SimpleGrid>
      {acte ? (
        <Group gap="xs" mb="xs">
          <Text size="sm" fw={600}>Acte trouvé : {acte.libelle} n° {acte.numero}/{acte.annee} du {frDate(acte.date_acte)} — {acte.titulaire}</Text>
          <Button size="compact-sm" variant="default" onClick={() => (setActe(null), set('acte_id', null))}>Changer d’acte</Button>
        </Group>
      ) : (
        <ActePicker label="Rechercher l’acte dans les registres (nom, prénom, année…)" onPick={(a) => (setActe(a), setD((x) => ({ ...x, acte_id: a.id, acte_type: a.type })))} />
      )}
      {!acte && <Text size="xs" mt={4}>Acte introuvable ? Laissez la recherche vide : la demande sera enregistrée avec la description ci-dessous.</Text>}
      <Text size="sm" fw={600} mt="sm" mb={4}>Ce que la demande indique sur la personne de l’acte</Text>
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
        <TextInput label="Nom de la personne" {...r('nom')} />
        <TextInput label="Prénoms de la personne" {...r('prenoms')} />
        {!deces && <DateField label="Date de naissance" {...r('date_naissance')} />}
        {!deces && <TextInput label="Lieu de naissance" {...r('lieu_naissance')} />}
        {deces && <DateField label="Date du décès" {...r('date_deces')} />}
        {deces && <TextInput label="Lieu du décès" {...r('lieu_deces')} />}
        {!deces && <TextInput label="Nom du premier parent" {...r('parent1_nom')} />}
        {!deces && <TextInput label="Prénoms du premier parent" {...r('parent1_prenoms')} />}
        {!deces && <TextInput label="Nom du second parent" {...r('parent2_nom')} />}
        {!deces && <TextInput label="Prénoms du second parent" {...r('parent2_prenoms')} />}
      </SimpleGrid>

      <Title order={3} size="h4" mt="md" mb="xs">Le document</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <NativeSelect label="Document demandé" data={DOCUMENTS} value={d.document} onChange={(e) => set('document', e.currentTarget.value)} error={f.document} />
        <NumberInput label="Nombre d’exemplaires" min={1} max={10} clampBehavior="strict" value={d.exemplaires} onChange={(n) => set('exemplaires', Number(n) || 1)} error={f.exemplaires} />
      </SimpleGrid>
      <Group mt="xs">
        <Checkbox label="Toutes les mentions de mariage et de divorce (demande expresse)" checked={d.toutesMentions} onChange={(e) => set('toutesMentions', e.currentTarget.checked)} />
        {d.document === 'extrait_sans_filiation' && (
          <Checkbox label="Avec les mentions relatives à la nationalité (demande expresse)" checked={d.nationalite} onChange={(e) => set('nationalite', e.currentTarget.checked)} />
        )}
      </Group>
      <Group mt="md">
        <Button type="submit" loading={act.busy}>Enregistrer et voir la décision</Button>
        <Button variant="default" onClick={onCancel}>Annuler</Button>
      </Group>
    </Paper>
  );
}

/** The proofs the quality needs (décret 2017-890 art. 30): asked only where they matter. */
function Justificatifs({ d, setD }: { d: Draft; setD: (fn: (x: Draft) => Draft) => void }) {
  const j = d.justificatifs;
  const setJ = (k: keyof Draft['justificatifs'], v: boolean | string) => setD((x) => ({ ...x, justificatifs: { ...x.justificatifs, [k]: v } }));
  const q = d.qualite;
  if (!['personne', 'mandataire', 'habilitation_familiale', 'administration', 'avocat', 'genealogiste'].includes(q)) return null;
  return (
    <Group mt="xs" align="flex-end">
      {q === 'personne' && <Checkbox label="La personne est majeure ou émancipée" checked={j.majeur} onChange={(e) => setJ('majeur', e.currentTarget.checked)} />}
      {q === 'mandataire' && <Checkbox label="Mandat écrit fourni" checked={j.mandat} onChange={(e) => setJ('mandat', e.currentTarget.checked)} />}
      {q === 'habilitation_familiale' && <Checkbox label="Jugement d’habilitation familiale fourni" checked={j.habilitation} onChange={(e) => setJ('habilitation', e.currentTarget.checked)} />}
      {q === 'administration' && <TextInput style={{ flex: 1 }} label="Texte qui autorise l’administration (cité dans sa demande)" value={j.texte} onChange={(e) => setJ('texte', e.currentTarget.value)} />}
      {q === 'avocat' && <NativeSelect label="Qualité du client de l’avocat" data={QUALITES.filter((o) => !['avocat', 'tiers'].includes(o.value))} value={j.client} onChange={(e) => setJ('client', e.currentTarget.value)} />}
      {q === 'genealogiste' && <Checkbox label="Autorisation de consultation des archives fournie" checked={j.autorisation} onChange={(e) => setJ('autorisation', e.currentTarget.checked)} />}
      {q === 'genealogiste' && <Checkbox label="Mandat d’un notaire ou d’un ayant droit fourni" checked={j.mandat} onChange={(e) => setJ('mandat', e.currentTarget.checked)} />}
    </Group>
  );
}
