import { Alert, AppShell, Container } from '@mantine/core';
import { Suspense, useState } from 'react';
import { call } from '../bridge';
import { PageTitle } from '../components/PageTitle';
import { Dashboard } from '../dashboard/Dashboard';
import { errorMessage } from '../lib/errors';
import { lazyNamed, ScreenLoading } from '../lib/lazy';
import { can, type ReadyStatus } from '../lib/status';
import { EmptySection } from '../sections/EmptySection';
import { DamageBanner } from './DamageBanner';
import { Header } from './Header';
import { Navbar } from './Navbar';
import type { PageId } from './pages';

// Each domain's screens in a chunk of their own, loaded when first opened; the dashboard comes with the shell.
const Conseil = lazyNamed(() => import('../conseil/Conseil'), 'Conseil');
const Parapheur = lazyNamed(() => import('../parapheur/Parapheur'), 'Parapheur');
const Courrier = lazyNamed(() => import('../courrier/Courrier'), 'Courrier');
const EtatCivil = lazyNamed(() => import('../etat-civil/EtatCivil'), 'EtatCivil');
const Synchronisation = lazyNamed(() => import('../sync/Synchronisation'), 'Synchronisation');
const Settings = lazyNamed(() => import('../settings/Settings'), 'Settings');
const Journal = lazyNamed(() => import('../journal/Journal'), 'Journal');
const RestoreScreen = lazyNamed(() => import('../restore/RestoreScreen'), 'RestoreScreen');
const Wizard = lazyNamed(() => import('../wizard/Wizard'), 'Wizard');

/** The logged-in window: header (commune switcher, lock, logout), navigation, and the current page. */
export function Shell({ status, refresh }: { status: ReadyStatus; refresh: () => Promise<void> }) {
  const [page, setPage] = useState<PageId>('dashboard');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false); // the restore screen opened from the damage banner
  const perms = status.permissions;
  const problem = status.problem;

  const switchTo = async (communeId: string) => {
    try {
      await call('commune.switch', { communeId });
      setError(null);
      setAdding(false);
      setPage('dashboard');
    } catch (e) {
      setError(errorMessage(e));
    }
    await refresh();
  };

  let content;
  if (adding)
    content = (
      <>
        <PageTitle>Ajouter une commune</PageTitle>
        <Wizard
          withAccount={false}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            setPage('dashboard');
            void refresh();
          }}
        />
      </>
    );
  else if (!status.commune)
    content = (
      <>
        <PageTitle>Aucune commune ouverte</PageTitle>
        <Alert color="blue" variant="light">
          Votre compte n’a accès à aucune commune pour l’instant. Demandez à la secrétaire de mairie de vous l’ouvrir,
          ou ajoutez une commune avec le menu « Changer de commune ».
        </Alert>
      </>
    );
  else if (problem && (problem.code === 'DB_CORRUPT' || problem.code === 'DB_TOO_NEW'))
    content = <RestoreScreen problem={problem} communeName={status.commune.nom} perms={perms} onRestored={refresh} />;
  else if (status.damage && restoring)
    content = (
      <RestoreScreen
        problem={status.damage}
        communeName={status.commune.nom}
        perms={perms}
        onRestored={async () => {
          setRestoring(false);
          await refresh();
        }}
      />
    );
  else if (page === 'dashboard') content = <Dashboard />;
  else if (page === 'settings') content = <Settings perms={perms} refresh={refresh} />;
  else if (page === 'journal') content = <Journal />;
  else if (page === 'conseil') content = <Conseil perms={perms} />;
  else if (page === 'courrier') content = <Courrier perms={perms} role={status.commune?.role} />;
  else if (page === 'parapheur') content = <Parapheur perms={perms} />;
  else if (page === 'sync') content = <Synchronisation perms={perms} />;
  else if (page === 'etat-civil') content = <EtatCivil />;
  else content = <EmptySection page={page} />;

  const showNav = !!status.commune && !problem && !adding;
  return (
    <AppShell header={{ height: 60 }} navbar={showNav ? { width: 240, breakpoint: 'xs' } : undefined} padding="md">
      <AppShell.Header style={{ zIndex: 102 }}>
        <Header
          status={status}
          onSwitch={switchTo}
          onAddCommune={() => setAdding(true)}
          refresh={() => void refresh()}
        />
      </AppShell.Header>
      {showNav && (
        <AppShell.Navbar aria-label="Navigation principale">
          <Navbar
            page={page}
            perms={perms}
            onNavigate={(p) => {
              setRestoring(false);
              setPage(p);
            }}
          />
        </AppShell.Navbar>
      )}
      <AppShell.Main>
        <Container size="lg" px={0} key={`${status.commune?.id ?? ''}:${adding ? 'add' : page}`}>
          {error && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              mb="md"
              withCloseButton
              closeButtonLabel="Fermer le message"
              onClose={() => setError(null)}
            >
              {error}
            </Alert>
          )}
          {problem && !['DB_CORRUPT', 'DB_TOO_NEW'].includes(problem.code) && !adding && (
            <Alert color="red" variant="light" role="alert" mb="md">
              {problem.message}
            </Alert>
          )}
          {status.damage && !restoring && !adding && (
            <DamageBanner
              damage={status.damage}
              canRestore={can(perms, 'backup.manage')}
              onRestore={() => setRestoring(true)}
            />
          )}
          <Suspense fallback={<ScreenLoading />}>{content}</Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
