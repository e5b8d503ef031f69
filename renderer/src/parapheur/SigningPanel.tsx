import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, onEvent } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';
import { BatchResults, type Line } from './BatchResults';
import {
  DocumentPicker,
  PinEachForm,
  SessionHeader,
  SigningProgress,
  type Current,
  type Session,
} from './SigningParts';
import type { SessionStarted, SignResult } from './types';

/** The lines of the batch and the bar, fed by 'parapheur.progress' while the core signs. */
function useSigningProgress(titre: (id: number) => string, deps: unknown) {
  const [lines, setLines] = useState<Line[]>([]);
  const [current, setCurrent] = useState<Current | null>(null);
  useEffect(
    () =>
      onEvent('parapheur.progress', (p) => {
        if (p.type !== 'document') return;
        const done = p.etat === 'en_cours' ? p.index : p.index + 1;
        setCurrent({ done, total: p.total, titre: p.etat === 'en_cours' ? titre(p.documentId) : null });
        if (p.etat === 'en_cours') return;
        setLines((l) =>
          upsert(l, {
            documentId: p.documentId,
            titre: titre(p.documentId),
            ok: p.etat === 'signe',
            message: p.message ?? '',
          }),
        );
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- titles are read when the event comes
    [deps],
  );
  return { lines, setLines, current, setCurrent };
}

/**
 * The open séance: pick the documents, « Signer la sélection », a progress bar fed by 'parapheur.progress' and a
 * line per document. A key that wants the PIN for every signature signs one document at a time, PIN each time.
 */
export function SigningPanel({
  session,
  started,
  onEnded,
}: {
  session: Session;
  started: SessionStarted | null;
  onEnded: (why: string | null) => void;
}) {
  const list = useLoad(() => call('parapheur.list', { statut: 'a_signer' }));
  // the core says what the person who opened the séance may sign at the current step, and what he signed in it
  const state = useLoad(() => call('parapheur.sessionState'), [list.data]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [arret, setArret] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const a = useAction();
  const pinRef = useRef<HTMLInputElement>(null);
  const allowed = new Set(state.data?.aSigner ?? []);
  const docs = (list.data ?? []).filter((d) => allowed.has(d.id));
  const others = (list.data?.length ?? 0) - docs.length;
  const signedHere = state.data?.signesCetteSeance ?? 0;
  const titre = (id: number) => docs.find((d) => d.id === id)?.titre ?? `Document n° ${id}`;
  const everyPin = session.pinAChaqueSignature;
  const queue = docs.filter((d) => selected.has(d.id));
  const next = queue[0] ?? null;
  const progress = useSigningProgress(titre, list.data);
  // a refused PIN is shown under the PIN field, anything else in the alert
  const pinMessage = pinError ?? (a.fields.pin ? a.error : null);
  const error = a.fields.pin ? null : a.error;

  const signBatch = async (ids: number[], withPin?: string) => {
    const r = await call('parapheur.signer', { documentIds: ids, ...(withPin ? { pin: withPin } : {}) });
    const got: SignResult[] = r.results;
    const titles = new Map(ids.map((id) => [id, titre(id)]));
    progress.setLines((l) =>
      got.reduce((acc, x) => upsert(acc, { ...x, titre: titles.get(x.documentId) ?? titre(x.documentId) }), l),
    );
    setSelected((s) => new Set([...s].filter((id) => !got.some((x) => x.documentId === id && x.ok))));
    if (!r.arret) return;
    setArret(r.arret);
    // A pulled-out token ends the session in the core: what is signed stays signed, the rest stays here.
    if (!(await call('parapheur.sessionState')))
      onEnded(`${r.arret} Les documents déjà signés le restent ; les autres attendent dans le parapheur.`);
    else if (/^Code PIN|demande le code PIN/.test(r.arret)) setPinError(r.arret); // a locked key stays in the alert above
  };

  const sign = async (ids: number[], withPin?: string) => {
    setArret(null);
    setPinError(null);
    progress.setCurrent({ done: 0, total: ids.length, titre: titre(ids[0]!) });
    await a.run(() => signBatch(ids, withPin));
    progress.setCurrent((c) => (c ? { ...c, titre: null } : c));
    setPin('');
    await list.reload();
    if (everyPin) requestAnimationFrame(() => pinRef.current?.focus());
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

  const end = () =>
    void a.run(async () => {
      await call('parapheur.sessionEnd');
      onEnded(null);
    });

  return (
    <Stack>
      <SessionHeader session={session} started={started} busy={a.busy} onEnd={end} />
      <Paper withBorder p="md" component="section" aria-labelledby="docs-title">
        <Title order={2} size="h4" id="docs-title" mb="sm">
          Documents à signer
        </Title>
        <ErrorAlert>{list.error}</ErrorAlert>
        {list.loading && !list.data && <Loader aria-label="Chargement des documents à signer" />}
        {list.data && state.data && docs.length === 0 && (
          <Text>Aucun document n’attend votre signature à cette étape.</Text>
        )}
        {others > 0 && state.data && (
          <Text size="sm" mb="sm">
            {others} autre{others > 1 ? 's' : ''} document{others > 1 ? 's' : ''} attend{others > 1 ? 'ent' : ''} une
            autre signature ou une autre étape du circuit : il{others > 1 ? 's' : ''} n’{others > 1 ? 'sont' : 'est'}{' '}
            pas proposé{others > 1 ? 's' : ''} à {session.signataire}.
          </Text>
        )}
        {docs.length > 0 && <DocumentPicker docs={docs} selected={selected} onChange={setSelected} busy={a.busy} />}
        <ErrorAlert>{error}</ErrorAlert>
        {arret && !pinMessage && (
          <Alert color="red" variant="light" role="alert" mt="sm" title="Séance arrêtée">
            {arret}
          </Alert>
        )}
        {everyPin ? (
          <PinEachForm
            next={next}
            remaining={queue.length}
            pin={pin}
            onPin={setPin}
            pinError={pinMessage}
            pinRef={pinRef}
            busy={a.busy}
            onSubmit={signNext}
          />
        ) : (
          docs.length > 0 && (
            <Stack mt="md" gap="xs">
              {pinMessage && (
                <Alert color="red" variant="light" role="alert">
                  {pinMessage}
                </Alert>
              )}
              <Group>
                <Button
                  size="lg"
                  onClick={() => void sign(queue.map((d) => d.id))}
                  loading={a.busy}
                  disabled={queue.length === 0}
                >
                  Signer la sélection{queue.length ? ` (${queue.length})` : ''}
                </Button>
              </Group>
            </Stack>
          )
        )}
        {progress.current && <SigningProgress current={progress.current} />}
      </Paper>
      {signedHere > 0 && (
        <Text fw={700} aria-live="polite">
          Signé{signedHere > 1 ? 's' : ''} pendant cette séance par {session.signataire} : {signedHere} document
          {signedHere > 1 ? 's' : ''}.
        </Text>
      )}
      {progress.lines.length > 0 && <BatchResults lines={progress.lines} />}
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
