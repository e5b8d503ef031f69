import { Alert, Button, Checkbox, Group, Loader, Paper, PasswordInput, Progress as ProgressBar, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, CallError, onEvent, type HandlerResult } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorMessage } from '../lib/errors';
import { useLoad } from '../lib/useLoad';
import { BatchResults, type Line } from './BatchResults';
import { DARK_TITLE, type SessionStarted, type SignResult } from './types';

type Session = NonNullable<HandlerResult<'parapheur.sessionState'>>;

/**
 * The open séance: pick the documents, « Signer la sélection », a progress bar fed by 'parapheur.progress' and a
 * line per document. A key that wants the PIN for every signature signs one document at a time, PIN each time.
 */
export function SigningPanel({ session, started, onEnded }: { session: Session; started: SessionStarted | null; onEnded: (why: string | null) => void }) {
  const list = useLoad(() => call('parapheur.list', { statut: 'a_signer' }));
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [lines, setLines] = useState<Line[]>([]);
  const [current, setCurrent] = useState<{ done: number; total: number; titre: string | null } | null>(null);
  const [arret, setArret] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const docs = list.data ?? [];
  const titre = (id: number) => docs.find((d) => d.id === id)?.titre ?? `Document n° ${id}`;
  const everyPin = session.pinAChaqueSignature;
  const queue = docs.filter((d) => selected.has(d.id));
  const next = queue[0] ?? null;

  useEffect(
    () =>
      onEvent('parapheur.progress', (p) => {
        if (p.type !== 'document') return;
        setCurrent({ done: p.etat === 'en_cours' ? p.index : p.index + 1, total: p.total, titre: p.etat === 'en_cours' ? titre(p.documentId) : null });
        if (p.etat !== 'en_cours') setLines((l) => upsert(l, { documentId: p.documentId, titre: titre(p.documentId), ok: p.etat === 'signe', message: p.message ?? '' }));
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- titles are read when the event comes
    [list.data],
  );

  const toggle = (id: number, on: boolean) => setSelected((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; });
  const all = docs.length > 0 && docs.every((d) => selected.has(d.id));

  const sign = async (ids: number[], withPin?: string) => {
    setBusy(true);
    setError(null);
    setArret(null);
    setPinError(null);
    const titles = new Map(ids.map((id) => [id, titre(id)]));
    setCurrent({ done: 0, total: ids.length, titre: titles.get(ids[0]!) ?? null });
    try {
      const r = await call('parapheur.signer', { documentIds: ids, ...(withPin ? { pin: withPin } : {}) });
      const got: SignResult[] = r.results;
      setLines((l) => got.reduce((acc, x) => upsert(acc, { ...x, titre: titles.get(x.documentId) ?? titre(x.documentId) }), l));
      setSelected((s) => new Set([...s].filter((id) => !got.some((x) => x.documentId === id && x.ok))));
      if (r.arret) {
        setArret(r.arret);
        // A pulled-out token ends the session in the core: what is signed stays signed, the rest stays here.
        if (!(await call('parapheur.sessionState'))) onEnded(`${r.arret} Les documents déjà signés le restent ; les autres attendent dans le parapheur.`);
        else if (/^Code PIN|demande le code PIN/.test(r.arret)) setPinError(r.arret); // a locked key stays in the alert above
      }
    } catch (e) {
      if (e instanceof CallError && e.fields.pin) setPinError(errorMessage(e));
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
      setCurrent((c) => (c ? { ...c, titre: null } : c));
      setPin('');
      await list.reload();
      if (everyPin) requestAnimationFrame(() => pinRef.current?.focus());
    }
  };

  const signNext = (e: FormEvent) => {
    e.preventDefault();
    if (!next) return;
    if (!pin) {
      setPinError('Code PIN requis pour cette signature.');
      pinRef.current?.focus();
      return;
    }
    void sign([next.id], pin);
  };

  const end = async () => {
    try {
      await call('parapheur.sessionEnd');
      onEnded(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const pct = current && current.total ? Math.round((current.done / current.total) * 100) : 0;
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="open-title">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="open-title">
              Séance ouverte pour {session.signataire}
            </Title>
            <Text size="sm">
              Certificat de {session.certificat.holder}
              {session.certificat.title ? `, ${session.certificat.title}` : ''}, émis par {session.certificat.issuer}.
            </Text>
          </div>
          <Button size="md" variant="default" onClick={() => void end()} disabled={busy}>
            Terminer la séance
          </Button>
        </Group>
        {started?.avertissement && (
          <Alert color="orange" styles={DARK_TITLE} variant="light" mt="sm" title="Certificat bientôt expiré">
            {started.avertissement}
          </Alert>
        )}
        {everyPin && (
          <Alert color="blue" styles={DARK_TITLE} variant="light" mt="sm" title="Code PIN à chaque signature">
            Cette clé demande le code PIN à chaque signature : Clocher vous le demande pour chaque document, un par un, et ne le garde pas.
          </Alert>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="docs-title">
        <Title order={2} size="h4" id="docs-title" mb="sm">
          Documents à signer
        </Title>
        <ErrorAlert>{list.error}</ErrorAlert>
        {list.loading && !list.data && <Loader aria-label="Chargement des documents à signer" />}
        {list.data && docs.length === 0 && <Text>Aucun document n’attend de signature.</Text>}
        {docs.length > 0 && (
          <Stack gap="sm">
            <Checkbox size="md" fw={700} label={`Tout sélectionner (${docs.length} document${docs.length > 1 ? 's' : ''})`} checked={all} indeterminate={!all && selected.size > 0} onChange={(e) => setSelected(e.currentTarget.checked ? new Set(docs.map((d) => d.id)) : new Set())} disabled={busy} />
            {docs.map((d) => (
              <Checkbox key={d.id} size="md" label={d.titre} description={d.etape ? `${d.etape.libelle}` : undefined} checked={selected.has(d.id)} onChange={(e) => toggle(d.id, e.currentTarget.checked)} disabled={busy} />
            ))}
          </Stack>
        )}
        <ErrorAlert>{error}</ErrorAlert>
        {arret && !pinError && (
          <Alert color="red" variant="light" role="alert" mt="sm" title="Séance arrêtée">
            {arret}
          </Alert>
        )}
        {everyPin ? (
          <form onSubmit={signNext} noValidate>
            <Group align="flex-end" mt="md">
              <PasswordInput ref={pinRef} size="md" w={420} label={next ? `Code PIN pour « ${next.titre} »` : 'Code PIN'} autoComplete="off" value={pin} error={pinError} aria-invalid={!!pinError} disabled={!next || busy} onChange={(e) => setPin(e.currentTarget.value)} visibilityToggleButtonProps={{ 'aria-label': 'Afficher ou masquer le code PIN' }} />
              <Button type="submit" size="md" loading={busy} disabled={!next}>
                Signer ce document
              </Button>
            </Group>
            {queue.length > 1 && <Text size="sm" mt={4}>Encore {queue.length} documents sélectionnés, un code PIN pour chacun.</Text>}
          </form>
        ) : (
          docs.length > 0 && <Stack mt="md" gap="xs">
            {pinError && (
              <Alert color="red" variant="light" role="alert">
                {pinError}
              </Alert>
            )}
            <Group>
              <Button size="lg" onClick={() => void sign(queue.map((d) => d.id))} loading={busy} disabled={queue.length === 0}>
                Signer la sélection{queue.length ? ` (${queue.length})` : ''}
              </Button>
            </Group>
          </Stack>
        )}
        {current && (
          <Stack gap={4} mt="md">
            <Text size="sm" aria-live="polite">
              {current.titre ? `Signature de « ${current.titre} » (${current.done + 1} sur ${current.total})…` : `${current.done} document${current.done > 1 ? 's' : ''} traité${current.done > 1 ? 's' : ''} sur ${current.total}.`}
            </Text>
            <ProgressBar size="xl" value={pct} aria-label="Avancement de la signature" />
          </Stack>
        )}
      </Paper>
      {lines.length > 0 && <BatchResults lines={lines} />}
    </Stack>
  );
}

function upsert(lines: Line[], l: Line): Line[] {
  const i = lines.findIndex((x) => x.documentId === l.documentId);
  if (i < 0) return [...lines, l];
  const copy = lines.slice();
  copy[i] = l;
  return copy;
}
