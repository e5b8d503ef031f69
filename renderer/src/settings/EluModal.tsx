import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { EluFields, errorsFor, fromElu, emptyElu, toElu } from '../components/EluFields';
import { errorMessage, fieldErrors, focusFirstInvalid } from '../lib/errors';
import type { Dossier } from './Settings';

type EluRow = Dossier['elus'][number];

/** Add (elu = null) or edit one élu; the core checks the whole council after the change. */
export function EluModal({ elu, opened, onClose, onSaved }: { elu: EluRow | null; opened: boolean; onClose: () => void; onSaved: (d: Dossier) => void }) {
  const [form, setForm] = useState(() => (elu ? fromElu(elu as unknown as Record<string, unknown>) : emptyElu('conseiller')));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [all, setAll] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const d = await call('commune.saveElu', { id: elu?.id ?? null, elu: toElu(form) });
      onSaved(d);
      onClose();
    } catch (err) {
      const f = fieldErrors(err);
      setAll(f);
      setErrors(errorsFor(f, 'elu'));
      setMessage(errorMessage(err));
      focusFirstInvalid();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={elu ? 'Modifier un élu' : 'Ajouter un élu'} size="xl" closeButtonProps={{ 'aria-label': 'Fermer' }}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert>{summaryOf(message, all, (k) => k.startsWith('elu.'))}</ErrorAlert>
          <EluFields value={form} onChange={setForm} errors={errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={busy}>
              Enregistrer l’élu
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
