import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { EluFields, errorsFor, fromElu, emptyElu, toElu } from '../components/EluFields';
import { useAction } from '../lib/useAction';
import type { Dossier } from './Settings';

type EluRow = Dossier['elus'][number];

/** Add (elu = null) or edit one élu; the core checks the whole council after the change. */
export function EluModal({
  elu,
  opened,
  onClose,
  onSaved,
}: {
  elu: EluRow | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (d: Dossier) => void;
}) {
  const [form, setForm] = useState(() =>
    elu ? fromElu(elu as unknown as Record<string, unknown>) : emptyElu('conseiller'),
  );
  const a = useAction();

  const submit = a.submit(async () => {
    onSaved(await call('commune.saveElu', { id: elu?.id ?? null, elu: toElu(form) }));
    onClose();
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={elu ? 'Modifier un élu' : 'Ajouter un élu'}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert>{summaryOf(a.error, a.fields, (k) => k.startsWith('elu.'))}</ErrorAlert>
          <EluFields value={form} onChange={setForm} errors={errorsFor(a.fields, 'elu')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={a.busy}>
              Enregistrer l’élu
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
