import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';

/**
 * An irreversible act at the counter (produce, refuse, hand over) asks first. The dialog opens on « Annuler »:
 * Enter on a stray key press never issues a document.
 */
export function useAsk(): { ask: (message: string, yes: string) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<{ message: string; yes: string; resolve: (ok: boolean) => void } | null>(null);
  const ask = useCallback((message: string, yes: string) => new Promise<boolean>((resolve) => setPending({ message, yes, resolve })), []);
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
          <Button onClick={() => answer(true)}>{pending.yes}</Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { ask, dialog };
}
