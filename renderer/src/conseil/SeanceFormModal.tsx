import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { NATURE_LABELS } from './types';
import { useAction } from '../lib/useAction';
import { DateField, TimeField } from '../components/DateField';

export interface SeanceForm {
  date: string;
  heure: string;
  lieu: string;
  nature: string;
  urgence_motif: string;
}

const EMPTY: SeanceForm = {
  date: '',
  heure: '20:30',
  lieu: 'Salle du conseil municipal, mairie',
  nature: 'ordinaire',
  urgence_motif: '',
};

/**
 * Create a séance (or the séance de reconvocation of `reconvocationDe`, which carries the postponed items), or
 * edit one still in preparation (`editId`).
 */
export function SeanceFormModal({
  onClose,
  onCreated,
  reconvocationDe = null,
  initial,
  editId = null,
}: {
  onClose: () => void;
  onCreated: (seanceId: number) => void;
  reconvocationDe?: number | null;
  initial?: Partial<SeanceForm>;
  editId?: number | null;
}) {
  const [form, setForm] = useState<SeanceForm>({ ...EMPTY, ...initial });
  const a = useAction();
  const set = (k: keyof SeanceForm) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [k]: e.currentTarget.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let id = 0;
    const ok = await a.run(async () => {
      const seance = {
        ...form,
        urgence_motif: form.nature === 'urgence' ? form.urgence_motif : null,
        reconvocation_de: reconvocationDe,
      };
      if (editId) {
        await call('conseil.updateSeance', { seanceId: editId, seance });
        id = editId;
      } else id = (await call('conseil.createSeance', { seance })).seanceId;
    });
    if (ok) onCreated(id);
  };
  const title = editId ? 'Modifier la séance' : reconvocationDe ? 'Séance de reconvocation' : 'Nouvelle séance';
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert>{summaryOf(a.error, a.fields)}</ErrorAlert>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              data-autofocus
              label="Date de la séance"
              required
              value={form.date}
              onChange={set('date')}
              error={a.fields.date}
            />
            <TimeField label="Heure" required value={form.heure} onChange={set('heure')} error={a.fields.heure} />
          </SimpleGrid>
          <TextInput label="Lieu" required value={form.lieu} onChange={set('lieu')} error={a.fields.lieu} />
          {!reconvocationDe && (
            <NativeSelect
              label="Type de séance"
              value={form.nature}
              onChange={set('nature')}
              error={a.fields.nature}
              data={Object.entries(NATURE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          )}
          {form.nature === 'urgence' && (
            <Textarea
              label="Motif de l’urgence"
              description="Le maire en rend compte à l’ouverture de la séance ; le délai de convocation peut descendre à 1 jour franc (art. L2121-11 CGCT)."
              required
              autosize
              minRows={2}
              value={form.urgence_motif}
              onChange={set('urgence_motif')}
              error={a.fields.urgence_motif}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={a.busy}>
              {editId ? 'Enregistrer' : reconvocationDe ? 'Créer la séance de reconvocation' : 'Créer la séance'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
