import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';
import { ROLE_LABELS, type Role } from '../lib/status';
import { AccountFields, emptyAccount } from '../wizard/AccountStep';

/** `grantable`: the roles the core says this user may give (users.list); it still checks on creation. */
export function CreateAccountModal({
  grantable,
  onClose,
  onCreated,
}: {
  grantable: Role[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const [account, setAccount] = useState(emptyAccount());
  const [role, setRole] = useState<Role>(
    grantable.includes('conseiller') ? 'conseiller' : (grantable[0] ?? 'conseiller'),
  );
  const [eluId, setEluId] = useState('');
  const elus = useLoad(async () => (await call('commune.get')).elus.filter((e) => !e.mandat_fin));
  const isElu = role === 'maire' || role === 'adjoint' || role === 'conseiller';
  const a = useAction();

  const submit = a.submit(async () => {
    await call('users.create', { account: { ...account }, role, eluId: isElu && eluId ? Number(eluId) : null });
    onCreated();
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title="Créer un compte" size="lg" closeButtonProps={{ 'aria-label': 'Fermer' }}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">La personne devra choisir son propre mot de passe à sa première connexion.</Text>
          <ErrorAlert>{summaryOf(a.error, a.fields)}</ErrorAlert>
          <AccountFields value={account} onChange={setAccount} errors={a.fields} intro={false} />
          <NativeSelect
            label="Rôle dans la commune"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            data={grantable.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            error={a.fields.role}
          />
          {isElu && (
            <NativeSelect
              label="Élu correspondant"
              description="Le compte d’un élu signe seulement avec la clé de cet élu, à son nom."
              value={eluId}
              onChange={(e) => setEluId(e.currentTarget.value)}
              error={a.fields.eluId}
              data={[
                { value: '', label: 'Aucun (compte sans signature)' },
                ...(elus.data ?? []).map((e) => ({ value: String(e.id), label: `${e.prenom} ${e.nom}` })),
              ]}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={a.busy}>
              Créer le compte
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
