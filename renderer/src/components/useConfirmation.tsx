import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import { CallError } from '../bridge';

export type Confirmed<T> = { cancelled: true } | { cancelled: false; value: T };

/**
 * The core refuses some acts until they are confirmed (error code CONFIRM, its message names the article):
 * `confirmed(flags, fn)` calls `fn` with the flags confirmed so far and, at each CONFIRM answer, shows the
 * core's message in a dialog; « Confirmer » turns the next flag on and calls again. The dialog opens on
 * « Annuler »: Enter on a stray key press never confirms an act of the council.
 */
export function useConfirmation(): {
  confirmed: <T>(flags: string[], fn: (f: Record<string, boolean>) => Promise<T>) => Promise<Confirmed<T>>;
  dialog: ReactNode;
} {
  const [pending, setPending] = useState<{ message: string; resolve: (ok: boolean) => void } | null>(null);
  const ask = (message: string) => new Promise<boolean>((resolve) => setPending({ message, resolve }));
  const confirmed = useCallback(
    async <T,>(flags: string[], fn: (f: Record<string, boolean>) => Promise<T>): Promise<Confirmed<T>> => {
      const on: Record<string, boolean> = {};
      for (const flag of [...flags, null]) {
        try {
          return { cancelled: false, value: await fn({ ...on }) };
        } catch (e) {
          if (!(e instanceof CallError) || e.code !== 'CONFIRM' || flag === null) throw e;
          if (!(await ask(e.message))) return { cancelled: true };
          on[flag] = true;
        }
      }
      return { cancelled: true };
    },
    [],
  );
  const answer = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = pending && (
    <Modal opened onClose={() => answer(false)} title="Confirmation" size="lg">
      <Stack>
        <Text>{pending.message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => answer(false)} data-autofocus>
            Annuler
          </Button>
          <Button onClick={() => answer(true)}>Confirmer</Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { confirmed, dialog };
}
