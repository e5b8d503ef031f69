import { Alert, Loader, Tabs } from '@mantine/core';
import { useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { PageTitle } from '../components/PageTitle';
import { can, type Permissions } from '../lib/status';
import { useLoad } from '../lib/useLoad';
import { AccountsTab } from './AccountsTab';
import { BackupsTab } from './BackupsTab';
import { CommuneTab } from './CommuneTab';
import { DiagnosticTab } from './DiagnosticTab';
import { ElusTab } from './ElusTab';
import { HorairesTab } from './HorairesTab';
import { MessagerieTab } from './MessagerieTab';
import { PlateformeTab } from './PlateformeTab';
import { SecurityTab } from './SecurityTab';

export type Dossier = HandlerResult<'commune.get'>;

/** Settings in tabs; a tab whose calls the role may not make is not shown. */
export function Settings({ perms, refresh }: { perms: Permissions; refresh: () => Promise<void> }) {
  const read = can(perms, 'commune.read');
  const write = can(perms, 'commune.write');
  const tabs = [
    read && { id: 'commune', label: 'Commune' },
    read && { id: 'horaires', label: 'Horaires' },
    read && { id: 'elus', label: 'Élus' },
    write && { id: 'plateforme', label: 'Plateforme' },
    write && { id: 'messagerie', label: 'Messagerie' },
    can(perms, 'users.manage') && { id: 'comptes', label: 'Comptes' },
    can(perms, 'backup.manage') && { id: 'sauvegardes', label: 'Sauvegardes' },
    { id: 'securite', label: 'Sécurité' },
    can(perms, 'diagnostics.read') && { id: 'diagnostic', label: 'Diagnostic' },
  ].filter((t): t is { id: string; label: string } => !!t);
  const [tab, setTab] = useState<string>(tabs[0]?.id ?? 'securite');
  const dossier = useLoad<Dossier | null>(() => (read ? call('commune.get') : Promise.resolve(null)), [read]);

  const needsDossier = ['commune', 'horaires', 'elus'].includes(tab);
  return (
    <>
      <PageTitle>Paramètres</PageTitle>
      <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
        <Tabs.List mb="md" aria-label="Rubriques des paramètres">
          {tabs.map((t) => (
            <Tabs.Tab key={t.id} value={t.id}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {needsDossier && dossier.error && (
          <Alert color="red" variant="light" role="alert">
            {dossier.error}
          </Alert>
        )}
        {needsDossier && !dossier.data && !dossier.error && <Loader aria-label="Chargement" />}
        {dossier.data && (
          <>
            <Tabs.Panel value="commune">
              <CommuneTab
                dossier={dossier.data}
                canWrite={write}
                onSaved={(d) => {
                  dossier.setData(d);
                  void refresh();
                }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="horaires">
              <HorairesTab dossier={dossier.data} canWrite={write} onSaved={dossier.setData} />
            </Tabs.Panel>
            <Tabs.Panel value="elus">
              <ElusTab dossier={dossier.data} canWrite={write} onSaved={dossier.setData} />
            </Tabs.Panel>
          </>
        )}
        <Tabs.Panel value="plateforme">
          <PlateformeTab />
        </Tabs.Panel>
        <Tabs.Panel value="messagerie">
          <MessagerieTab />
        </Tabs.Panel>
        <Tabs.Panel value="comptes">
          <AccountsTab />
        </Tabs.Panel>
        <Tabs.Panel value="sauvegardes">
          <BackupsTab onRestored={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="securite">
          <SecurityTab onSaved={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="diagnostic">
          <DiagnosticTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
