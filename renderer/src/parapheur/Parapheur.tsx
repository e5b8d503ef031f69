import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { PageTitle } from '../components/PageTitle';
import { can, type Permissions } from '../lib/status';
import { Delegations } from './Delegations';
import { KeySettings } from './KeySettings';
import { Queue } from './Queue';
import { SeanceSignature } from './SeanceSignature';

/** The « Parapheur » page: the queue, the élu's séance de signature, the délégations register, the token settings. */
export function Parapheur({ perms }: { perms: Permissions }) {
  const canWrite = can(perms, 'commune.write');
  const canSign = can(perms, 'parapheur.sign');
  const [tab, setTab] = useState('queue');
  return (
    <>
      <PageTitle>Parapheur</PageTitle>
      <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
        <Tabs.List mb="md" aria-label="Rubriques du parapheur">
          <Tabs.Tab value="queue">À traiter</Tabs.Tab>
          {canSign && <Tabs.Tab value="seance">Séance de signature</Tabs.Tab>}
          <Tabs.Tab value="delegations">Délégations</Tabs.Tab>
          <Tabs.Tab value="cle">Clé et certificats</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queue">
          <Queue canWrite={canWrite} canSign={canSign} onSeance={() => setTab('seance')} />
        </Tabs.Panel>
        {canSign && (
          <Tabs.Panel value="seance">
            <SeanceSignature />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="delegations">
          <Delegations canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="cle">
          <KeySettings canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
