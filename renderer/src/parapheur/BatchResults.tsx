import { List, Paper, Text, Title } from '@mantine/core';

export interface Line {
  documentId: number;
  titre: string;
  ok: boolean;
  message: string;
}

/** A line per document of the séance: signed (and by whom), or why not. */
export function BatchResults({ lines }: { lines: Line[] }) {
  const signed = lines.filter((l) => l.ok).length;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="results-title">
      <Title order={2} size="h4" id="results-title">
        Résultat de la séance
      </Title>
      <Text mb="sm">
        {signed} document{signed > 1 ? 's' : ''} signé{signed > 1 ? 's' : ''}, {lines.length - signed} non signé
        {lines.length - signed > 1 ? 's' : ''}.
      </Text>
      <List spacing="xs" listStyleType="none" pl={0} data-testid="resultats-signature">
        {lines.map((l) => (
          <List.Item key={l.documentId}>
            <Text fw={700} span style={{ color: l.ok ? 'var(--clocher-color-success)' : 'var(--mantine-color-red-9)' }}>
              {l.ok ? '✓ Signé' : '✗ Non signé'}
            </Text>{' '}
            <Text span fw={600}>
              {l.titre}
            </Text>
            <Text size="sm">{l.message}</Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
