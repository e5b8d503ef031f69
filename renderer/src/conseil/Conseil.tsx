import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { PageTitle } from '../components/PageTitle';
import { can, type Permissions } from '../lib/status';
import { Deliberations } from './Deliberations';
import { Registre } from './Registre';
import { SeancePage } from './SeancePage';
import { SeancesList } from './SeancesList';

/** The « Conseil municipal » page: the séances (and one séance, in the order of the procedure), the délibérations, the registre. */
export function Conseil({ perms }: { perms: Permissions }) {
  const canWrite = can(perms, 'commune.write');
  const [tab, setTab] = useState('seances');
  const [seanceId, setSeanceId] = useState<number | null>(null);
  if (seanceId !== null)
    return (
      <SeancePage
        key={seanceId}
        seanceId={seanceId}
        canWrite={canWrite}
        onBack={() => setSeanceId(null)}
        onOpen={setSeanceId}
      />
    );
  return (
    <>
      <PageTitle>Conseil municipal</PageTitle>
      <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
        <Tabs.List mb="md" aria-label="Rubriques du conseil municipal">
          <Tabs.Tab value="seances">Séances</Tabs.Tab>
          <Tabs.Tab value="deliberations">Délibérations</Tabs.Tab>
          <Tabs.Tab value="registre">Registre et publicité</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="seances">
          <SeancesList canWrite={canWrite} onOpen={setSeanceId} />
        </Tabs.Panel>
        <Tabs.Panel value="deliberations">
          <Deliberations />
        </Tabs.Panel>
        <Tabs.Panel value="registre">
          <Registre canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
