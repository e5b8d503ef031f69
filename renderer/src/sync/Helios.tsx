import { List, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../lib/format';
import { type InboundMessage, type SyncItem } from './labels';
import { Documents } from './Messages';
import { OutboxList, Refused } from './OutboxList';

/** HELIOS: the PES sent to the comptable with their acquittement, and the PES_Retour received. */
export function Helios({
  items,
  messages,
  canWrite,
  onChanged,
}: {
  items: SyncItem[];
  messages: InboundMessage[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const pes = items.filter((i) => i.kind === 'helios');
  const retours = messages.filter((m) => m.kind === 'PES_Retour');
  return (
    <Stack gap="lg">
      <section aria-labelledby="pes-aller-title">
        <Title order={2} size="h4" id="pes-aller-title" mb="xs">
          Flux envoyés au comptable (PES)
        </Title>
        <Text size="sm" mb="sm">
          « Reçu par le comptable » signifie que l’acquittement est revenu sans erreur. En cas d’erreur, le libellé
          donné par le comptable est affiché.
        </Text>
        <Refused items={pes} />
        <OutboxList
          items={pes}
          canWrite={canWrite}
          onChanged={onChanged}
          empty="Aucun flux comptable envoyé pour l’instant."
        />
      </section>
      <section aria-labelledby="pes-retour-title">
        <Title order={2} size="h4" id="pes-retour-title" mb="xs">
          Retours du comptable (PES_Retour)
        </Title>
        {retours.length === 0 ? (
          <Text>Aucun retour du comptable pour l’instant.</Text>
        ) : (
          <List spacing="sm" listStyleType="none" pl={0}>
            {retours.map((m) => (
              <List.Item key={m.id}>
                <Text fw={600}>{m.title}</Text>
                <Text size="sm" mb={4}>
                  Reçu le {formatDateTime(m.received_at)}
                </Text>
                <Documents message={m} label={m.title} />
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}
