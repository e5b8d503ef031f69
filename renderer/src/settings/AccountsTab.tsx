import { Alert, Button, Code, Group, Loader, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { useAction } from '../lib/useAction';
import { ROLE_LABELS, type Role } from '../lib/status';
import { useLoad } from '../lib/useLoad';
import { CreateAccountModal } from './CreateAccountModal';

/** The roles the core lets this user give (it remains the judge), plus the account's own if he may not change it. */
function roleOptions(current: Role, grantable: Role[]) {
  const roles = grantable.includes(current) ? grantable : [current, ...grantable];
  return [
    ...roles.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    ...(grantable.length ? [{ value: '', label: 'Aucun accès à cette commune' }] : []),
  ];
}

export function AccountsTab() {
  const users = useLoad(() => call('users.list'));
  const grantable = users.data?.grantable ?? [];
  const [creating, setCreating] = useState(false);
  const a = useAction();
  const [temporary, setTemporary] = useState<{ name: string; password: string } | null>(null);

  const setRole = async (userId: number, role: string) => {
    await a.run(() => call('users.setRole', { userId, role: role === '' ? null : (role as Role) }));
    await users.reload();
  };
  const reset = (userId: number, name: string) =>
    a.run(async () =>
      setTemporary({ name, password: (await call('users.resetPassword', { userId })).temporaryPassword }),
    );

  return (
    <Stack>
      <Text>Les personnes qui peuvent ouvrir cette commune dans Clocher, et ce que chacune peut y faire.</Text>
      <Text size="sm">
        Vous ne donnez que les rôles que vous détenez vous-même ou inférieurs ; seule la secrétaire de mairie crée un
        compte de secrétaire ou de support.
      </Text>
      <Group>
        <Button onClick={() => setCreating(true)}>Créer un compte</Button>
      </Group>
      {(a.error ?? users.error) && (
        <Alert color="red" variant="light" role="alert">
          {a.error ?? users.error}
        </Alert>
      )}
      {!users.data && !users.error && <Loader aria-label="Chargement des comptes" />}
      {users.data && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Nom</Table.Th>
              <Table.Th scope="col">Identifiant</Table.Th>
              <Table.Th scope="col">Rôle</Table.Th>
              <Table.Th scope="col">Mot de passe</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.accounts.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.display_name}</Table.Td>
                <Table.Td>{u.login}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={`Rôle de ${u.display_name}`}
                    value={u.role}
                    disabled={!u.canChangeRole}
                    onChange={(e) => void setRole(u.id, e.currentTarget.value)}
                    data={roleOptions(u.role, u.canChangeRole ? grantable : [])}
                  />
                </Table.Td>
                <Table.Td>
                  {u.canResetPassword && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => void reset(u.id, u.display_name)}
                      aria-label={`Réinitialiser le mot de passe de ${u.display_name}`}
                    >
                      Réinitialiser le mot de passe
                    </Button>
                  )}
                  {u.must_change_password === 1 && <Text size="sm">Provisoire, à changer</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && (
        <CreateAccountModal
          grantable={grantable}
          onClose={() => setCreating(false)}
          onCreated={() => void users.reload()}
        />
      )}
      <Modal
        opened={!!temporary}
        onClose={() => {
          setTemporary(null);
          void users.reload();
        }}
        title="Mot de passe provisoire"
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {temporary && (
          <Stack>
            <Text>
              Voici le mot de passe provisoire de {temporary.name}. Il ne sera plus affiché : notez-le et remettez-le à
              la personne. Elle devra en choisir un nouveau à sa prochaine connexion.
            </Text>
            <Code block fz="lg" aria-label="Mot de passe provisoire">
              {temporary.password}
            </Code>
            <Group justify="flex-end">
              <Button onClick={() => setTemporary(null)}>J’ai noté le mot de passe</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
