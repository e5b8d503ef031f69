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
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField } from '../../components/DateField';
import { useAction } from '../../lib/useAction';
import { CANAUX, DOCUMENTS, LIVRAISONS } from './labels';
import { blankDraft, COURRIEL_REFUS, type Draft } from './draft';
import { draftBinding, type DraftBinding } from './binding';
import { DemandeurFields } from './DemandeurFields';
import { ActeDemandeFields } from './ActeDemandeFields';

// Completer.tsx prints the act chosen the way the form does
export { acteText } from './ActeDemandeFields';

/** A recorded request opened to complete or correct it: its reference, its values, the act it names, a notice above. */
export interface Edition {
  reference: string;
  draft: Draft;
  acte: string | null;
  notice?: ReactNode;
  /** the label of the field to start on (the first one the complément letter asked for), else « Canal » */
  focus?: string;
}

/**
 * « Nouvelle demande »: what a secrétaire types at the guichet, top to bottom with Tab (native selects: a
 * letter jumps to its option), Ctrl+Entrée records. Nothing typed is lost on a refusal: the core's message
 * shows above, the field's under it. The core computes the decision once recorded, before anything is produced.
 * With `edit`, the same form completes or corrects a recorded request (etatCivil.demande.update), prefilled.
 * Its blocks: CanalFields (how it came, how it leaves), DemandeurFields (who asks), ActeDemandeFields (the act),
 * DocumentFields (what is asked).
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
  const b = draftBinding(d, setD, act.fields);
  const submit = act.submit(async () => onSaved(await save(d)));
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
      <CanalFields b={b} />

      <DemandeurFields b={b} />

      <ActeDemandeFields b={b} acte={acte} setActe={setActe} />

      <DocumentFields b={b} />
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

/** How the request reached the mairie and how the document will be handed over (never by e-mail, art. 27). */
function CanalFields({ b: { d, f, set } }: { b: DraftBinding }) {
  return (
    <>
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
    </>
  );
}

/** The document asked for, how many copies, and the mentions given only on express request. */
function DocumentFields({ b: { d, setD, f, check, set } }: { b: DraftBinding }) {
  return (
    <>
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
    </>
  );
}
