import { Alert, Button, Group, NativeSelect, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, CallError } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorMessage } from '../lib/errors';
import { useLoad } from '../lib/useLoad';
import { CertificateCard } from './CertificateCard';
import { TokenFinder, type Chosen } from './TokenFinder';
import type { CertCheck, SessionStarted } from './types';
import { fonction as accordFonction } from '../lib/accord';

type Who = { eluId: number } | { delegationId: number };
const parseWho = (v: string): Who | null => (v.startsWith('elu:') ? { eluId: Number(v.slice(4)) } : v.startsWith('del:') ? { delegationId: Number(v.slice(4)) } : null);

/** Before the séance: who signs, which certificate (checked before any PIN), then the PIN, typed once. */
export function OpenSession({ onOpened }: { onOpened: (s: SessionStarted) => void }) {
  const people = useLoad(async () => {
    const [dossier, delegations, status] = await Promise.all([call('commune.get'), call('parapheur.delegations'), call('app.status')]);
    // an élu logged in with his own account signs as himself: the signataire is him, fixed
    const me = status.phase === 'ready' ? status.user.eluId : null;
    return { elus: dossier.elus.filter((e) => !e.mandat_fin && (me === null || e.id === me)), agents: me === null ? delegations.filter((d) => d.enVigueur && d.delegataire_nom) : [], me };
  });
  const [who, setWho] = useState('');
  const me = people.data?.me ?? null;
  useEffect(() => {
    if (me !== null) setWho(`elu:${me}`);
  }, [me]);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [check, setCheck] = useState<CertCheck | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const signataire = parseWho(who);

  // The certificate is checked (dates, usage, trusted root, holder = élu) as soon as it is chosen: before any PIN.
  useEffect(() => {
    setCheck(null);
    setCheckError(null);
    if (!chosen) return;
    let live = true;
    call('signing.certificate', { slotId: chosen.slotId, certificateId: chosen.certificateId, eluId: signataire && 'eluId' in signataire ? signataire.eluId : null })
      .then((c) => live && setCheck(c))
      .catch((e: unknown) => live && setCheckError(errorMessage(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `signataire` is derived from `who`
  }, [chosen, who]);

  const usable = !!check && check.problemes.length === 0 && check.correspondAElu !== false;
  const open = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || !signataire || !usable) return;
    if (!pin) {
      setPinError('Code PIN : saisissez le code de la clé.');
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setPinError(null);
    try {
      onOpened(await call('parapheur.sessionStart', { slotId: chosen.slotId, certificateId: chosen.certificateId, pin, signataire }));
    } catch (err) {
      const code = err instanceof CallError ? err.code : 'INTERNAL';
      // Never retried: the PIN is cleared and the élu types it again, knowing how many tries remain.
      if (code === 'TOKEN_PIN') setPinError(errorMessage(err));
      else setError({ code, message: errorMessage(err) });
      setPin('');
      requestAnimationFrame(() => pinRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const locked = error?.code === 'TOKEN_LOCKED';
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="who-title">
        <Title order={2} size="h4" id="who-title" mb="sm">
          1. Qui signe ?
        </Title>
        <ErrorAlert>{people.error}</ErrorAlert>
        <NativeSelect
          size="md"
          label="Signataire"
          description={
            me === null ? 'Chacun signe avec sa propre clé : le nom du certificat doit être celui du signataire.' : 'Vous êtes connecté avec votre compte d’élu : vous signez avec votre propre clé.'
          }
          disabled={me !== null}
          value={who}
          onChange={(e) => setWho(e.currentTarget.value)}
          data={[
            { value: '', label: 'Choisissez le signataire…' },
            ...(people.data?.elus ?? []).map((e) => ({ value: `elu:${e.id}`, label: `${e.prenom} ${e.nom} (${accordFonction(e.fonction, e.civilite)})` })),
            ...(people.data?.agents ?? []).map((d) => ({ value: `del:${d.id}`, label: `${d.delegataire} (${d.delegataire_qualite}, délégation art. ${d.article})` })),
          ]}
        />
      </Paper>
      <TokenFinder chosen={chosen} onChoose={setChosen} />
      {chosen && (
        <Paper withBorder p="md" component="section" aria-labelledby="cert-title">
          <Title order={2} size="h4" id="cert-title" mb="sm">
            3. Vérification du certificat
          </Title>
          {checkError && <ErrorAlert>{checkError}</ErrorAlert>}
          {check ? <CertificateCard cert={check} problems={check.problemes} warning={check.avertissement} matches={check.correspondAElu} /> : !checkError && <Text>Vérification du certificat…</Text>}
        </Paper>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="pin-title">
        <Title order={2} size="h4" id="pin-title" mb="sm">
          4. Code PIN
        </Title>
        {!signataire && <Text mb="sm">Choisissez d’abord le signataire.</Text>}
        {signataire && !chosen && <Text mb="sm">Choisissez d’abord le certificat de la clé.</Text>}
        {error && (
          <Alert color="red" variant="light" role="alert" mb="sm" title={locked ? 'Clé bloquée' : error.code === 'TOKEN_ABSENT' ? 'Rebranchez la clé' : undefined}>
            {error.message}
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
              disabled={!usable || !signataire || locked}
              onChange={(e) => setPin(e.currentTarget.value)}
              visibilityToggleButtonProps={{ 'aria-label': 'Afficher ou masquer le code PIN' }}
            />
            <Button type="submit" size="md" loading={busy} disabled={!usable || !signataire || locked}>
              Ouvrir la séance de signature
            </Button>
          </Group>
        </form>
      </Paper>
    </Stack>
  );
}
