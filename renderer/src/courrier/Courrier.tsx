import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { PageTitle } from '../components/PageTitle';
import { can, type Permissions, type Role } from '../lib/status';
import { ArriveeForm } from './ArriveeForm';
import { CourrierDetail } from './CourrierDetail';
import { Echeances } from './Echeances';
import { EnvoisAbusifs } from './EnvoisAbusifs';
import { Modeles } from './Modeles';
import { Procedures } from './Procedures';
import { RegisterList } from './RegisterList';

/** The « Courrier » page: the register (arrivées, départs), its deadlines, one courrier. */
export function Courrier({ perms, role }: { perms: Permissions; role: Role | null | undefined }) {
  const canWrite = can(perms, 'commune.write');
  const [tab, setTab] = useState('registre');
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  let body;
  if (open !== null)
    body = <CourrierDetail key={open} id={open} perms={perms} role={role} onBack={() => setOpen(null)} />;
  else if (creating)
    body = <ArriveeForm onCancel={() => setCreating(false)} onDone={(id) => (setCreating(false), setOpen(id))} />;
  else
    body = (
      <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
        <Tabs.List mb="md" aria-label="Rubriques du courrier">
          <Tabs.Tab value="registre">Registre</Tabs.Tab>
          <Tabs.Tab value="echeances">À faire et échéances</Tabs.Tab>
          <Tabs.Tab value="procedures">Procédures et délais</Tabs.Tab>
          <Tabs.Tab value="modeles">Modèles de réponse</Tabs.Tab>
          <Tabs.Tab value="abus">Envois abusifs</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="registre">
          <RegisterList onOpen={setOpen} onNew={() => setCreating(true)} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="echeances">
          <Echeances onOpen={setOpen} />
        </Tabs.Panel>
        <Tabs.Panel value="procedures">
          <Procedures canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="modeles">
          <Modeles canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="abus">
          <EnvoisAbusifs canWrite={canWrite && role === 'secretaire'} />
        </Tabs.Panel>
      </Tabs>
    );
  return (
    <>
      <PageTitle>Courrier</PageTitle>
      {body}
    </>
  );
}
