import { Alert, Button, Group, Paper, PasswordInput, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { call } from '../bridge';
import { useAction } from '../lib/useAction';
import type { Chosen } from './TokenFinder';
import type { SessionStarted } from './types';
import type { Who } from './SignerPicker';

interface Props {
  signataire: Who | null;
  chosen: Chosen | null;
  /** the certificate passed its checks (dates, usage, trusted root, holder = élu) */
  usable: boolean;
  onOpened: (s: SessionStarted) => void;
}

/** Step 4: the PIN, typed once for the whole séance; never retried by Clocher (signing.md). */
export function PinForm({ signataire, chosen, usable, onOpened }: Props) {
  const [pin, setPin] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const a = useAction();
  const pinRef = useRef<HTMLInputElement>(null);
  const locked = a.code === 'TOKEN_LOCKED';
  const pinError = missing ?? (a.code === 'TOKEN_PIN' ? a.error : null);
  const alert = a.error && a.code !== 'TOKEN_PIN' ? a.error : null;
  const ready = usable && !!signataire && !locked;

  const open = a.submit(
    async () => {
      if (!chosen || !signataire || !usable) return;
      if (!pin) {
        setMissing('Code PIN : saisissez le code de la clé.');
        pinRef.current?.focus();
        return;
      }
      setMissing(null);
      onOpened(
        await call('parapheur.sessionStart', {
          slotId: chosen.slotId,
          certificateId: chosen.certificateId,
          pin,
          signataire,
        }),
      );
    },
    (ok) => {
      if (ok) return;
      // Never retried: the PIN is cleared and the élu types it again, knowing how many tries remain.
      setPin('');
      requestAnimationFrame(() => pinRef.current?.focus());
    },
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pin-title">
      <Title order={2} size="h4" id="pin-title" mb="sm">
        4. Code PIN
      </Title>
      {!signataire && <Text mb="sm">Choisissez d’abord le signataire.</Text>}
      {signataire && !chosen && <Text mb="sm">Choisissez d’abord le certificat de la clé.</Text>}
      {alert && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          mb="sm"
          title={locked ? 'Clé bloquée' : a.code === 'TOKEN_ABSENT' ? 'Rebranchez la clé' : undefined}
        >
          {alert}
        </Alert>
      )}
      <form onSubmit={open} noValidate>
        <Group align="flex-end">
          <PasswordInput
            ref={pinRef}
            size="md"
            w={420}
            label="Code PIN de la clé"
            description="Tapé une seule fois pour toute la séance ; Clocher ne le garde pas."
            autoComplete="off"
            value={pin}
            error={pinError}
            aria-invalid={!!pinError}
            disabled={!ready}
            onChange={(e) => setPin(e.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': 'Afficher ou masquer le code PIN' }}
          />
          <Button type="submit" size="md" loading={a.busy} disabled={!ready}>
            Ouvrir la séance de signature
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
