import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import type { Officier, OfficierChoix } from './api';

type Answer = { ok: false } | { ok: true; officier: OfficierChoix };
type Pending = { message: string; yes: string; officiers: Officier[] | null; resolve: (a: Answer) => void };

const key = (o: Officier) => (o.eluId ? `e${o.eluId}` : `d${o.delegationId}`);
const choix = (o: Officier | undefined): OfficierChoix =>
  !o ? null : o.eluId ? { eluId: o.eluId } : { delegationId: o.delegationId! };

/**
 * An irreversible act at the counter (produce, refuse, hand over) asks first. When a secrétaire without
 * délégation issues a document, it also asks which officier de l'état civil of the day signs it (the core
 * checks the mandate or the délégation R2122-10 on that day). The dialog opens on « Annuler »: Enter on a
 * stray key press never issues a document.
 */
export function useAsk(): {
  ask: (message: string, yes: string, officiers?: Officier[] | null) => Promise<Answer>;
  dialog: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const [picked, setPicked] = useState('');
  const ask = useCallback(
    (message: string, yes: string, officiers: Officier[] | null = null) =>
      new Promise<Answer>((resolve) => {
        setPicked(officiers?.[0] ? key(officiers[0]) : '');
        setPending({ message, yes, officiers, resolve });
      }),
    [],
  );
  const answer = (ok: boolean) => {
    pending?.resolve(
      ok ? { ok: true, officier: choix(pending.officiers?.find((o) => key(o) === picked)) } : { ok: false },
    );
    setPending(null);
  };
  const dialog = pending && (
    <Modal opened onClose={() => answer(false)} title="Confirmation" size="lg">
      <Stack>
        <Text>{pending.message}</Text>
        {pending.officiers &&
          (pending.officiers.length ? (
            <NativeSelect
              label="Officier de l’état civil qui signe"
              description="Maire, adjoints et agents délégués en fonction aujourd’hui (art. L2122-32 et R2122-10 CGCT)"
              data={pending.officiers.map((o) => ({ value: key(o), label: `${o.nom} — ${o.qualite}` }))}
              value={picked}
              onChange={(e) => setPicked(e.currentTarget.value)}
            />
          ) : (
            <Text c="red.9" fw={600}>
              Aucun officier de l’état civil n’est en fonction aujourd’hui : ni maire ni adjoint dans son mandat, ni
              délégation en cours (art. R2122-10 CGCT).
            </Text>
          ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => answer(false)} data-autofocus>
            Annuler
          </Button>
          <Button onClick={() => answer(true)} disabled={!!pending.officiers && !pending.officiers.length}>
            {pending.yes}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { ask, dialog };
}
