import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { call, onEvent } from '../bridge';
import { errorMessage } from '../lib/errors';
import { formatDate } from '../lib/format';
import { DARK_TITLE, type ScanResult } from './types';

export interface Chosen {
  slotId: string;
  certificateId: string;
}

/**
 * « Rechercher la clé »: reads the certificates on the token without the PIN. A USB plug or unplug
 * ('signing.tokenChanged', where the computer has a USB bus) rescans by itself; the button always stays.
 */
export function TokenFinder({ chosen, onChoose }: { chosen: Chosen | null; onChoose: (c: Chosen | null) => void }) {
  const [scan, setScan] = useState<ScanResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [plugged, setPlugged] = useState<string | null>(null);

  const rescan = useCallback(async () => {
    setBusy(true);
    try {
      const r = await call('signing.scan', {});
      setScan(r);
      setError(null);
      const certs = r.ok
        ? r.tokens.flatMap((t) =>
            t.certificates.map((c) => ({ slotId: t.slotId, certificateId: c.id, ok: c.problems.length === 0 })),
          )
        : [];
      // one usable certificate: chosen for the élu; otherwise they pick
      const usable = certs.filter((c) => c.ok);
      onChoose(usable.length === 1 ? { slotId: usable[0]!.slotId, certificateId: usable[0]!.certificateId } : null);
    } catch (e) {
      setScan(null);
      setError(errorMessage(e));
      onChoose(null);
    } finally {
      setBusy(false);
    }
  }, [onChoose]);

  useEffect(() => {
    void rescan();
    return onEvent('signing.tokenChanged', (p) => {
      setPlugged(p.what === 'disconnect' ? 'Une clé a été débranchée.' : 'Une clé a été branchée.');
      void rescan();
    });
  }, [rescan]);

  const value = chosen ? `${chosen.slotId}:${chosen.certificateId}` : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="token-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="token-title">
          2. La clé de signature
        </Title>
        <Button size="md" variant="default" onClick={() => void rescan()} loading={busy}>
          Rechercher la clé
        </Button>
      </Group>
      {plugged && (
        <Text size="sm" role="status" mb="xs">
          {plugged}
        </Text>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      {scan && !scan.ok && (
        <Alert color="orange" styles={DARK_TITLE} variant="light" role="alert" title="Clé introuvable">
          {scan.message}
        </Alert>
      )}
      {scan?.ok && scan.tokens.length === 0 && <Text>{scan.message}</Text>}
      {scan?.ok && scan.tokens.length > 0 && (
        <Radio.Group
          value={value}
          onChange={(v) => {
            const [slotId, certificateId] = v.split(':');
            onChoose(slotId && certificateId ? { slotId, certificateId } : null);
          }}
          label="Certificat à utiliser"
          description="Les certificats de la clé, lus sans le code PIN."
        >
          <Stack gap="xs" mt="xs">
            {scan.tokens.flatMap((t) =>
              t.certificates.map((c) => (
                <Radio
                  key={`${t.slotId}:${c.id}`}
                  size="md"
                  value={`${t.slotId}:${c.id}`}
                  label={`${c.holder}${c.title ? `, ${c.title}` : ''} — clé « ${t.label} »`}
                  description={
                    c.problems.length ? (
                      <span style={{ color: 'var(--mantine-color-red-9)' }}>Inutilisable : {c.problems.join(' ')}</span>
                    ) : (
                      `Émis par ${c.issuer}, valable du ${formatDate(c.notBefore)} au ${formatDate(c.notAfter)}${c.warning ? ` — ${c.warning}` : ''}`
                    )
                  }
                />
              )),
            )}
          </Stack>
        </Radio.Group>
      )}
    </Paper>
  );
}
