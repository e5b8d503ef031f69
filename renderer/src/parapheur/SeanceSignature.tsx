import { Alert, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../lib/useLoad';
import { OpenSession } from './OpenSession';
import { SigningPanel } from './SigningPanel';
import { DARK_TITLE, type SessionStarted } from './types';

/**
 * The élu's « séance de signature »: find the key, check the certificate before any PIN, type the PIN once,
 * sign the selection. The core keeps the open session per window; a reload finds it again.
 */
export function SeanceSignature() {
  const state = useLoad(() => call('parapheur.sessionState'));
  const [started, setStarted] = useState<SessionStarted | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (state.loading && state.data === null && !state.error)
    return <Loader aria-label="Chargement de la séance de signature" />;
  return (
    <Stack>
      <ErrorAlert>{state.error}</ErrorAlert>
      {notice && !state.data && (
        <Alert
          color="orange"
          styles={DARK_TITLE}
          variant="light"
          role="alert"
          title="Séance de signature interrompue"
          withCloseButton
          closeButtonLabel="Fermer le message"
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      {state.data ? (
        <SigningPanel
          session={state.data}
          started={started}
          onEnded={(why) => {
            setNotice(why);
            setStarted(null);
            state.setData(null);
          }}
        />
      ) : (
        <OpenSession
          onOpened={(s) => {
            setNotice(null);
            setStarted(s);
            void state.reload();
          }}
        />
      )}
    </Stack>
  );
}
