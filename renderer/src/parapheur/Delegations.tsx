import { Alert, Button, Group, List, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import { DelegationModal } from './DelegationModal';
import { RevokeModal } from './RevokeModal';
import { ARTICLES, FILL, KIND_LABELS, type Delegation } from './types';

/** The délégations register: who may sign what, by which arrêté, from when to when (checked at every signature). */
export function Delegations({ canWrite }: { canWrite: boolean }) {
  const list = useLoad(() => call('parapheur.delegations'));
  const elus = useLoad(async () => (await call('commune.get')).elus);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<Delegation | null>(null);
  return (
    <Stack>
      <Text>
        Une signature hors délégation en vigueur est refusée au moment de signer. Les délibérations et procès-verbaux
        sont signés par le maire (ou le président de séance) et le ou les secrétaires de séance, sans délégation.
      </Text>
      <List size="sm" spacing={2}>
        {ARTICLES.map((a) => (
          <List.Item key={a.id}>{a.label}</List.Item>
        ))}
      </List>
      <ErrorAlert>{list.error}</ErrorAlert>
      {canWrite && (
        <Group>
          <Button size="md" onClick={() => setAdding(true)}>
            Enregistrer un arrêté de délégation
          </Button>
        </Group>
      )}
      {list.loading && !list.data && <Loader aria-label="Chargement des délégations" />}
      {list.data && list.data.length === 0 && (
        <Alert color="gray" variant="light">
          Aucune délégation enregistrée. Le maire signe tout lui-même ; les adjoints sont officiers d’état civil par la
          loi (art. L2122-32 CGCT).
        </Alert>
      )}
      {list.data && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder verticalSpacing="sm" aria-label="Registre des délégations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Délégation</Table.Th>
                <Table.Th scope="col">Délégant → délégataire</Table.Th>
                <Table.Th scope="col">Peut signer</Table.Th>
                <Table.Th scope="col">Arrêté</Table.Th>
                <Table.Th scope="col">Période</Table.Th>
                <Table.Th scope="col">État</Table.Th>
                {canWrite && <Table.Th scope="col">Action</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    {ARTICLES.find((a) => a.id === d.article)?.short}
                    <br />
                    <Text size="sm" span>
                      art. {d.article} CGCT
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {d.delegant} → <strong>{d.delegataire}</strong>
                    <br />
                    <Text size="sm" span>
                      {d.delegataire_qualite}
                    </Text>
                  </Table.Td>
                  <Table.Td>{d.objets.map((k) => KIND_LABELS[k]).join(', ')}</Table.Td>
                  <Table.Td>
                    n° {d.arrete_numero} du {formatDate(d.arrete_date)}
                  </Table.Td>
                  <Table.Td>
                    du {formatDate(d.debut)}
                    {d.fin ? ` au ${formatDate(d.fin)}` : ', sans date de fin'}
                  </Table.Td>
                  <Table.Td>
                    <Text fw={700} style={{ color: d.enVigueur ? FILL.green : FILL.gray, whiteSpace: 'nowrap' }}>
                      {d.enVigueur ? 'En vigueur' : 'Sans effet'}
                    </Text>
                    {d.motif && <Text size="sm">{d.motif}</Text>}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      {!d.revoquee_le && (
                        <Button
                          variant="default"
                          onClick={() => setRevoking(d)}
                          aria-label={`Rapporter l’arrêté n° ${d.arrete_numero} (${d.delegataire})`}
                        >
                          Rapporter
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <DelegationModal elus={elus.data ?? []} onClose={() => setAdding(false)} onSaved={list.reload} />}
      {revoking && <RevokeModal delegation={revoking} onClose={() => setRevoking(null)} onDone={list.reload} />}
    </Stack>
  );
}
