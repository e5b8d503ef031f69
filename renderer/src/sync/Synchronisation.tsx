import { Alert, Badge, Loader, Stack, Tabs } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { call, onEvent } from '../bridge';
import { PageTitle } from '../components/PageTitle';
import { errorMessage } from '../lib/errors';
import { can, type Permissions } from '../lib/status';
import { useLoad } from '../lib/useLoad';
import { Classification } from './Classification';
import { Helios } from './Helios';
import type { InboundMessage, SyncProgress, SyncRun } from './labels';
import { Messages } from './Messages';
import { OutboxList, Refused } from './OutboxList';
import { SyncPanel } from './SyncPanel';

/** The Synchronisation page: the runs, what was sent and its status, what came back from the préfecture and the comptable. */
export function Synchronisation({ perms }: { perms: Permissions }) {
  const canWrite = can(perms, 'commune.write');
  const status = useLoad(() => call('sync.status'));
  const messages = useLoad(async () => (await call('sync.messages')) as InboundMessage[]);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState('envois');
  const { reload: reloadStatus } = status;
  const { reload: reloadMessages } = messages;
  const reload = useCallback(() => {
    void reloadStatus();
    void reloadMessages();
  }, [reloadStatus, reloadMessages]);

  useEffect(
    () =>
      onEvent('sync.progress', (p) => {
        if (p.phase === 'termine') {
          setRunning(false);
          setProgress((prev) =>
            prev?.phase === 'hors_ligne' ? { ...p, phase: 'hors_ligne', message: prev.message } : p,
          );
          reload();
        } else {
          setRunning(true);
          setProgress(p);
        }
      }),
    [reload],
  );
  useEffect(() => {
    if (status.data?.enCours) setRunning(true);
  }, [status.data?.enCours]);

  const syncNow = async () => {
    setError(null);
    setProgress({ phase: 'envoi', done: 0, total: 0, message: 'Connexion à la plateforme…' });
    setRunning(true);
    try {
      await call('sync.now');
    } catch (e) {
      setRunning(false);
      setProgress(null);
      setError(errorMessage(e));
    }
  };

  const items = status.data?.items ?? [];
  const actes = items.filter((i) => i.kind !== 'helios');
  const preMessages = (messages.data ?? []).filter((m) => m.kind !== 'PES_Retour');
  const unanswered = preMessages.filter((m) => !m.reply_outbox_id && m.kind !== 'DefereTA').length;
  return (
    <div data-testid={status.data ? 'sync-ready' : undefined}>
      <PageTitle>Synchronisation</PageTitle>
      {status.error && (
        <Alert color="red" variant="light" role="alert" mb="md">
          {status.error}
        </Alert>
      )}
      {!status.data && !status.error && <Loader aria-label="Chargement de la synchronisation" />}
      {status.data && (
        <Stack gap="md">
          <SyncPanel
            dernier={status.data.dernier as SyncRun | null}
            configuree={status.data.configuree}
            prochaine={status.data.prochaine}
            running={running}
            progress={progress}
            canWrite={canWrite}
            onSync={() => void syncNow()}
            error={error}
          />
          <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
            <Tabs.List mb="md" aria-label="Rubriques de la synchronisation">
              <Tabs.Tab value="envois">Envois à la préfecture</Tabs.Tab>
              <Tabs.Tab
                value="messages"
                rightSection={
                  unanswered > 0 ? (
                    <Badge color="red.9" variant="filled" size="sm" aria-label={`${unanswered} à traiter`}>
                      {unanswered}
                    </Badge>
                  ) : null
                }
              >
                Messages de la préfecture
              </Tabs.Tab>
              <Tabs.Tab value="helios">Comptable (HELIOS)</Tabs.Tab>
              <Tabs.Tab value="classification">Classification</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="envois">
              <Refused items={actes} onResent={reload} />
              <OutboxList
                items={actes}
                canWrite={canWrite}
                onChanged={reload}
                empty="Rien n’a encore été envoyé. Les délibérations signées partiront à la prochaine synchronisation."
              />
            </Tabs.Panel>
            <Tabs.Panel value="messages">
              {messages.error ? (
                <Alert color="red" variant="light" role="alert">
                  {messages.error}
                </Alert>
              ) : (
                <Messages messages={messages.data ?? []} items={items} canWrite={canWrite} onChanged={reload} />
              )}
            </Tabs.Panel>
            <Tabs.Panel value="helios">
              <Helios items={items} messages={messages.data ?? []} canWrite={canWrite} onChanged={reload} />
            </Tabs.Panel>
            <Tabs.Panel value="classification">
              <Classification items={items} canWrite={canWrite} onChanged={reload} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </div>
  );
}
