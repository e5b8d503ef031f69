import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { useConfirmation } from '../components/useConfirmation';
import { useAction } from '../lib/useAction';
import { frDate, type KindValue, type Registre } from './types';

export type Etape = 'clore' | 'relier';
const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Closing (on the date of the last act) or binding a register: both are irreversible, so the dialog says so with
 * the rule, and the core's own CONFIRM message (registres.ts) is shown once more before anything is written.
 */
export function RegistreVie({
  registre: r,
  etape,
  nom,
  onClose,
  onDone,
}: {
  registre: Registre;
  etape: Etape;
  nom: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [date, setDate] = useState(() => (etape === 'clore' ? (r.dernier_acte ?? todayIso()) : todayIso()));
  const act = useAction();
  const { confirmed, dialog } = useConfirmation();
  const save = () =>
    act.run(async () => {
      const registre = {
        annee: r.annee,
        type: r.type as KindValue,
        ouvert_le: r.ouvert_le,
        clos_le: etape === 'clore' ? date : r.clos_le,
        relie_le: etape === 'relier' ? date : r.relie_le,
      };
      const done = await confirmed(['confirm'], (f) =>
        call('etatCivil.saveRegistre', { registreId: r.id, registre, ...f }),
      );
      if (!done.cancelled) onDone();
    });
  const titre = etape === 'clore' ? `Clore le registre ${nom}` : `Enregistrer la reliure du registre ${nom}`;
  return (
    <Modal opened onClose={onClose} title={titre} size="lg">
      <Stack>
        <ErrorAlert>{act.error}</ErrorAlert>
        {etape === 'clore' ? (
          <Text size="sm">
            La clôture est <strong>définitive</strong> : un registre clos ne se rouvre pas. Il se clôt à la date de son
            dernier acte
            {r.dernier_acte ? `, le ${frDate(r.dernier_acte)},` : ''} ou après (instruction DAF/DPACI/RES/2009/018 ; C.
            civ. art. 40, décret 2017-890).
          </Text>
        ) : (
          <Text size="sm">
            La reliure est <strong>définitive</strong> : elle se fait une fois le registre clos (le {frDate(r.clos_le)}
            ), et les feuillets reliés ne se modifient plus (C. civ. art. 40 ; décret 2017-890).
          </Text>
        )}
        <DateField
          data-autofocus
          label={etape === 'clore' ? 'Date de clôture' : 'Date de la reliure'}
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={act.fields[etape === 'clore' ? 'clos_le' : 'relie_le']}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button color="red" disabled={!date || act.busy} onClick={() => void save()}>
            {etape === 'clore' ? 'Clore le registre…' : 'Enregistrer la reliure…'}
          </Button>
        </Group>
      </Stack>
      {dialog}
    </Modal>
  );
}
