import { Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorMessage } from '../lib/errors';
import { CertificateCard } from './CertificateCard';
import { PinForm } from './PinForm';
import { parseWho, SignerPicker, type Who } from './SignerPicker';
import { TokenFinder, type Chosen } from './TokenFinder';
import type { CertCheck, SessionStarted } from './types';

/** The certificate is checked (dates, usage, trusted root, holder = élu) as soon as it is chosen: before any PIN. */
function useCertificateCheck(chosen: Chosen | null, signataire: Who | null) {
  const [check, setCheck] = useState<CertCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const eluId = signataire && 'eluId' in signataire ? signataire.eluId : null;
  useEffect(() => {
    setCheck(null);
    setError(null);
    if (!chosen) return;
    let live = true;
    call('signing.certificate', { slotId: chosen.slotId, certificateId: chosen.certificateId, eluId })
      .then((c) => live && setCheck(c))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [chosen, eluId]);
  return { check, error };
}

/** Before the séance: who signs, which certificate (checked before any PIN), then the PIN, typed once. */
export function OpenSession({ onOpened }: { onOpened: (s: SessionStarted) => void }) {
  const [who, setWho] = useState('');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const signataire = parseWho(who);
  const { check, error } = useCertificateCheck(chosen, signataire);
  const usable = !!check && check.problemes.length === 0 && check.correspondAElu !== false;
  return (
    <Stack>
      <SignerPicker who={who} onChange={setWho} />
      <TokenFinder chosen={chosen} onChoose={setChosen} />
      {chosen && (
        <Paper withBorder p="md" component="section" aria-labelledby="cert-title">
          <Title order={2} size="h4" id="cert-title" mb="sm">
            3. Vérification du certificat
          </Title>
          {error && <ErrorAlert>{error}</ErrorAlert>}
          {check ? (
            <CertificateCard
              cert={check}
              problems={check.problemes}
              warning={check.avertissement}
              matches={check.correspondAElu}
            />
          ) : (
            !error && <Text>Vérification du certificat…</Text>
          )}
        </Paper>
      )}
      <PinForm signataire={signataire} chosen={chosen} usable={usable} onOpened={onOpened} />
    </Stack>
  );
}
