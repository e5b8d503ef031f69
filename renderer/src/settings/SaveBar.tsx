import { Button, Group, Text } from '@mantine/core';

/** The save button of a settings form, with the confirmation announced politely. */
export function SaveBar({
  busy,
  saved,
  label = 'Enregistrer',
}: {
  busy: boolean;
  saved: string | null;
  label?: string;
}) {
  return (
    <Group mt="md" gap="md">
      <Button type="submit" loading={busy}>
        {label}
      </Button>
      <Text role="status" fw={600} c="var(--clocher-color-success)">
        {saved}
      </Text>
    </Group>
  );
}

export const READ_ONLY_NOTE = 'Seule la secrétaire de mairie peut modifier ces informations.';
