import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import type { Delegation } from './types';
import { useAction } from '../lib/useAction';
import { DateField } from '../components/DateField';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** An arrêté that ends a délégation: from that day on, the délégataire's signatures are refused. */
export function RevokeModal({
  delegation,
  onClose,
  onDone,
}: {
  delegation: Delegation;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [date, setDate] = useState(today);
  const a = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      await a.run(async () => {
        await call('parapheur.revokeDelegation', { delegationId: delegation.id, date });
        await onDone();
      })
    )
      onClose();
  };
  return (
    <Modal opened onClose={onClose} title="Rapporter une délégation" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Text>
            Arrêté n° {delegation.arrete_numero} : délégation (art. {delegation.article} CGCT) à{' '}
            {delegation.delegataire}. À partir de la date choisie, ses signatures seront refusées.
          </Text>
          <ErrorAlert>{a.error}</ErrorAlert>
          <DateField
            label="Rapportée à compter du"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
            error={a.fields.date}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={a.busy} color="red.9">
              Rapporter la délégation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
