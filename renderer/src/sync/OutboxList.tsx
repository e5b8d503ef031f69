import { Alert, Button, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { formatDateTime } from '../lib/format';
import { KIND_LABELS, replacementOf, statusText, TONE_COLORS, toneOf, whatToDo, type SyncItem } from './labels';

const TONE_MARKS: Record<ReturnType<typeof toneOf>, string> = {
  attente: '◷',
  envoye: '→',
  recu: '✓',
  refuse: '✗',
  annule: '–',
};

/** The status in words, in a colour that keeps AA contrast; the mark is decoration (the words say it all). */
export function StatusBadge({ item, replaced = false }: { item: SyncItem; replaced?: boolean }) {
  // a refused act replaced by its accepted correction is history, not an alarm: neutral, not red
  const tone = replaced ? 'annule' : toneOf(item.state);
  return (
    <Text span fw={700} c={TONE_COLORS[tone]} size="sm">
      <span aria-hidden="true">{replaced ? '↻' : TONE_MARKS[tone]} </span>
      {statusText(item)}
    </Text>
  );
}

/** Refused items come back to the secrétaire: listed first, with the reason and what to do. */
export function Refused({ items, onResent }: { items: SyncItem[]; onResent?: () => void }) {
  const [busy, setBusy] = useState<number | null>(null);
  const a = useAction();
  const refused = items.filter((i) => i.state === 'refuse' && (i.kind !== 'acte' || i.renvoyable));
  if (refused.length === 0) return null;
  const renvoyer = async (i: SyncItem) => {
    setBusy(i.id);
    if (await a.run(() => call('sync.renvoyer', { outboxId: i.id }))) onResent?.();
    setBusy(null);
  };
  return (
    <Alert
      color="red"
      variant="light"
      title={refused.length === 1 ? 'Un envoi vous revient' : `${refused.length} envois vous reviennent`}
      mb="md"
    >
      <List spacing="sm" listStyleType="none" pl={0}>
        {refused.map((i) => (
          <List.Item key={i.id}>
            <Text fw={700}>{i.label}</Text>
            <Text>{i.statut.replace(/^refusé/, 'Refusé')}</Text>
            <Text size="sm">Ce qu’il faut faire : {whatToDo(i)}</Text>
            {i.renvoyable && onResent && (
              <Button
                mt="xs"
                size="sm"
                variant="default"
                loading={busy === i.id}
                onClick={() => void renvoyer(i)}
                aria-label={`Transmettre de nouveau : ${i.label}`}
              >
                Transmettre de nouveau (une fois corrigé)
              </Button>
            )}
          </List.Item>
        ))}
      </List>
      {a.error && (
        <Text role="alert" c="var(--mantine-color-error)" mt="xs">
          {a.error}
        </Text>
      )}
    </Alert>
  );
}

function AnnulerModal({ item, onClose, onDone }: { item: SyncItem; onClose: () => void; onDone: () => void }) {
  const a = useAction();
  const confirm = () =>
    a.run(async () => {
      await call('sync.annuler', { outboxId: item.id });
      onDone();
    });
  return (
    <Modal opened onClose={onClose} title="Annuler la transmission de cet acte ?" size="lg">
      <Stack gap="sm">
        <Text fw={700}>{item.label}</Text>
        <Text>
          L’annulation retire cet acte du contrôle de légalité. Elle sert à corriger une erreur de transmission :
          mauvais fichier, acte envoyé deux fois, mauvaise classification.
        </Text>
        <Text>
          Elle n’efface pas la décision : pour revenir sur une délibération, le conseil municipal doit délibérer de
          nouveau. La demande partira à la prochaine synchronisation, et la préfecture en accusera réception.
        </Text>
        <ErrorAlert>{a.error}</ErrorAlert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Ne pas annuler
          </Button>
          <Button color="red.9" onClick={() => void confirm()} loading={a.busy}>
            Confirmer l’annulation
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The outbox: each item with its plain status, attempts and last error. */
export function OutboxList({
  items,
  canWrite,
  onChanged,
  empty,
}: {
  items: SyncItem[];
  canWrite: boolean;
  onChanged: () => void;
  empty: string;
}) {
  const [annuler, setAnnuler] = useState<SyncItem | null>(null);
  if (items.length === 0) return <Text>{empty}</Text>;
  const annulees = new Set(
    items.filter((i) => i.kind === 'annulation').map((i) => i.label.replace(/^Annulation — /, '')),
  );
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="sm" captionSide="top">
          <Table.Caption>Envois, du plus récent au plus ancien</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Envoi</Table.Th>
              <Table.Th scope="col">État</Table.Th>
              <Table.Th scope="col">Tentatives</Table.Th>
              <Table.Th scope="col">Dernier incident</Table.Th>
              {canWrite && <Table.Th scope="col">Action</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => {
              const by = replacementOf(i, items);
              return (
                <Table.Tr key={i.id} data-testid={`envoi-${i.id}`}>
                  <Table.Td>
                    <Text fw={600}>{i.label}</Text>
                    <Text size="sm">
                      {KIND_LABELS[i.kind]} · mis à jour le {formatDateTime(i.updatedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge item={i} replaced={by !== null} />
                  </Table.Td>
                  <Table.Td>{i.attempts}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {by
                        ? `Rien à faire : remplacé par « ${by.label} », reçu par la préfecture.`
                        : i.state === 'refuse'
                          ? whatToDo(i)
                          : (i.lastError ?? '—')}
                    </Text>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      {i.kind === 'acte' && i.state === 'recu' && !annulees.has(i.label) && (
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          onClick={() => setAnnuler(i)}
                          aria-label={`Annuler la transmission : ${i.label}`}
                        >
                          Annuler la transmission
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {annuler && (
        <AnnulerModal
          item={annuler}
          onClose={() => setAnnuler(null)}
          onDone={() => {
            setAnnuler(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}
