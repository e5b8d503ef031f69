import { Button, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { call } from '../bridge';
import type { ReadyStatus } from '../lib/status';

interface Props {
  status: ReadyStatus;
  onSwitch: (communeId: string) => void;
  onAddCommune: () => void;
  refresh: () => void;
}

export function Header({ status, onSwitch, onAddCommune, refresh }: Props) {
  const canAdd = status.communes.some((c) => c.role === 'secretaire'); // the core refuses support (auth/roles.ts)
  const act = (name: 'auth.lock' | 'auth.logout') => async () => {
    try {
      await call(name);
    } finally {
      refresh();
    }
  };
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <Text fw={800} size="lg" c="blue.9">
          Clocher
        </Text>
        <Menu position="bottom-start" withinPortal={false} withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <UnstyledButton
              aria-label="Changer de commune"
              px="sm"
              py={4}
              style={{ border: '1px solid var(--mantine-color-gray-5)', borderRadius: 4 }}
            >
              <Text fw={600}>
                {status.commune?.nom ?? 'Aucune commune'} <span aria-hidden="true">▾</span>
              </Text>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            {status.communes.map((c) => (
              <Menu.Item
                key={c.id}
                onClick={() => c.id !== status.commune?.id && onSwitch(c.id)}
                aria-current={c.id === status.commune?.id ? 'true' : undefined}
              >
                {c.nom} ({c.code_insee}){c.id === status.commune?.id ? ' — ouverte' : ''}
              </Menu.Item>
            ))}
            {canAdd && (
              <Menu.Item onClick={onAddCommune} fw={600}>
                Ajouter une commune…
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Text size="sm">{status.user.displayName}</Text>
        <Button variant="default" size="xs" onClick={act('auth.lock')}>
          Verrouiller
        </Button>
        <Button variant="default" size="xs" onClick={act('auth.logout')}>
          Se déconnecter
        </Button>
      </Group>
    </Group>
  );
}
