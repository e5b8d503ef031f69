import { Alert, Box, Button, Center, Container, Loader, Modal, Text } from '@mantine/core';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { call, onEvent, windowNotice } from '../bridge';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { PageTitle } from '../components/PageTitle';
import { LockScreen } from '../lock/LockScreen';
import { DashboardPrefetchContext, prefetchDashboard, type DashboardPrefetch } from '../dashboard/prefetch';
import { LoginScreen, type LoginReply } from '../login/LoginScreen';
import { errorMessage } from '../lib/errors';
import { lazyNamed, ScreenLoading } from '../lib/lazy';
import type { AppStatus } from '../lib/status';
import { useActivity } from '../lib/useActivity';

// The entry chunk holds the login and lock screens only; the logged-in shell and the first-run wizard load apart.
const Shell = lazyNamed(() => import('../shell/Shell'), 'Shell');
const SetupScreen = lazyNamed(() => import('../wizard/SetupScreen'), 'SetupScreen');
const PREFETCH_DELAY_MS = 1500;

/** Boot: ask the core where we are (setup, login, locked, ready) and show that; ask again after each change. */
export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [bootError, setBootError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(windowNotice); // « La page a été rechargée… » (bridge)

  const [prefetch, setPrefetch] = useState<DashboardPrefetch | null>(null);

  const show = useCallback(async (next: Promise<AppStatus>, pre: DashboardPrefetch | null = null) => {
    try {
      const s = await next;
      setStatus(s);
      setPrefetch(pre && showsDashboardAtOnce(s) ? pre : null);
      setBootError(null);
    } catch (e) {
      setBootError(errorMessage(e));
    }
  }, []);
  const refresh = useCallback(() => show(call('app.status')), [show]);
  // After « Se connecter », the status and (a commune being open) the dashboard are asked for together: the core
  // answers them back to back while the window draws the shell (issue 9: login → dashboard ≤ 500 ms).
  const loggedIn = useCallback(
    ({ communeId }: LoginReply) => {
      const next = call('app.status');
      void Shell.load().catch(() => undefined);
      void show(next, communeId ? prefetchDashboard() : null);
    },
    [show],
  );

  useEffect(() => {
    void refresh();
    const offs = [
      onEvent('session.locked', () => void refresh()),
      onEvent('commune.changed', () => void refresh()),
      onEvent('core.restarted', () => {
        setNotice(
          'Clocher a redémarré son moteur après un incident. Rien de ce qui était enregistré n’est perdu ; vous devrez peut-être vous reconnecter.',
        );
        void refresh();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [refresh]);

  const ready = status?.phase === 'ready';
  // While the login screen waits for the password, fetch the shell so « Se connecter » does not wait for its code:
  // as soon as someone types (first key), or after a moment; never at once, so that its download and parsing do
  // not delay the login screen itself (npm run bench).
  const phase = status?.phase;
  useEffect(() => {
    if (phase !== 'login' && phase !== 'locked') return;
    const prefetch = () => void Shell.load().catch(() => undefined);
    const later = window.setTimeout(prefetch, PREFETCH_DELAY_MS);
    window.addEventListener('keydown', prefetch, { once: true, capture: true });
    window.addEventListener('input', prefetch, { once: true, capture: true });
    return () => {
      window.clearTimeout(later);
      window.removeEventListener('keydown', prefetch, { capture: true });
      window.removeEventListener('input', prefetch, { capture: true });
    };
  }, [phase]);
  useActivity(ready, status?.lockMinutes ?? 15, () => void refresh());

  const banner = notice && (
    <Box component="section" aria-label="Avis de Clocher">
      <Alert
        color="yellow"
        variant="light"
        role="status"
        withCloseButton
        closeButtonLabel="Fermer le message"
        onClose={() => setNotice(null)}
        m="sm"
      >
        {notice}
      </Alert>
    </Box>
  );

  let screen;
  if (bootError && !status)
    screen = (
      <Container size="sm" py="xl" component="main">
        <PageTitle>Clocher ne répond pas</PageTitle>
        <Alert color="red" variant="light" role="alert" mb="md">
          {bootError}
        </Alert>
        <Button onClick={() => void refresh()}>Réessayer</Button>
      </Container>
    );
  else if (!status)
    screen = (
      <Center h="100vh" component="main">
        <Loader aria-label="Chargement de Clocher" />
      </Center>
    );
  else if (status.phase === 'setup') screen = <SetupScreen onDone={refresh} />;
  else if (status.phase === 'login') screen = <LoginScreen onDone={loggedIn} />;
  else if (status.phase === 'locked') screen = <LockScreen displayName={status.user.displayName} onDone={refresh} />;
  else if (status.user.mustChangePassword)
    screen = (
      <Container size="sm" py="xl" component="main">
        <PageTitle>Clocher</PageTitle>
        <Text>Bonjour {status.user.displayName}.</Text>
        <Modal
          opened
          onClose={() => undefined}
          withCloseButton={false}
          closeOnEscape={false}
          closeOnClickOutside={false}
          title="Changer votre mot de passe"
          centered
        >
          <Text mb="md">
            Votre mot de passe est provisoire : choisissez-en un nouveau pour continuer. Le mot de passe actuel est
            celui qu’on vient de vous donner.
          </Text>
          <ChangePasswordForm onDone={refresh} submitLabel="Enregistrer le nouveau mot de passe" />
        </Modal>
      </Container>
    );
  else screen = <Shell status={status} refresh={refresh} />;

  return (
    <Box>
      {banner}
      <DashboardPrefetchContext.Provider value={prefetch}>
        <Suspense fallback={<ScreenLoading label="Chargement de Clocher" />}>{screen}</Suspense>
      </DashboardPrefetchContext.Provider>
    </Box>
  );
}

/** The status with which Shell draws the dashboard first (Shell.tsx): only then is a prefetched answer offered. */
function showsDashboardAtOnce(s: AppStatus): boolean {
  return s.phase === 'ready' && !s.user.mustChangePassword && !!s.commune && !s.problem;
}
