import { Button, Tabs } from '@mantine/core';
import { useState } from 'react';
import { PageTitle } from '../components/PageTitle';
import { ActePage } from './ActePage';
import { AvisQueue } from './AvisQueue';
import { Demandes } from './demandes/Demandes';
import { Statistiques } from './demandes/Statistiques';
import { ImportCsv } from './ImportCsv';
import { IndexerForm } from './IndexerForm';
import { Recherche } from './Recherche';
import { Registres } from './Registres';

/** État civil: the counter's requests, search, an act (scan beside its data), registers and scans, mentions and avis, import. */
export function EtatCivil() {
  const [tab, setTab] = useState<string | null>('recherche');
  const [acteId, setActeId] = useState<number | null>(null);
  const [indexer, setIndexer] = useState(false);
  if (acteId)
    return (
      <>
        <Button variant="subtle" mb="sm" onClick={() => setActeId(null)}>
          ← Retour à la recherche
        </Button>
        <ActePage acteId={acteId} onOpen={setActeId} />
      </>
    );
  return (
    <>
      <PageTitle>État civil</PageTitle>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="demandes">Demandes</Tabs.Tab>
          <Tabs.Tab value="recherche">Recherche</Tabs.Tab>
          <Tabs.Tab value="registres">Registres</Tabs.Tab>
          <Tabs.Tab value="avis">Mentions et avis</Tabs.Tab>
          <Tabs.Tab value="import">Import</Tabs.Tab>
          <Tabs.Tab value="statistiques">Statistiques</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="demandes">
          <Demandes onOpenActe={setActeId} />
        </Tabs.Panel>
        <Tabs.Panel value="recherche">
          {indexer ? (
            <IndexerForm onDone={(id) => (setIndexer(false), id && setActeId(id))} />
          ) : (
            <Recherche onOpen={setActeId} onIndexer={() => setIndexer(true)} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="registres">
          <Registres />
        </Tabs.Panel>
        <Tabs.Panel value="avis">
          <AvisQueue onOpen={setActeId} />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <ImportCsv />
        </Tabs.Panel>
        <Tabs.Panel value="statistiques">
          <Statistiques />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
