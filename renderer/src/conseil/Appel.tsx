import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import type { SeanceProps } from './SeancePage';
import { FILL, nameOf } from './types';
import { useAction } from '../lib/useAction';
import { accordGroupe } from '../lib/accord';

const capitalizeFr = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const CHOICES = [
  { value: 'present', label: 'Présent' },
  { value: 'absent', label: 'Absent' },
  { value: 'excuse', label: 'Excusé' },
];

/**
 * The roll call at the opening: one big segmented control per élu in office; représentés follow their pouvoir.
 * Keyboard: Tab to an élu, arrows choose présent / absent / excusé. The controls are never disabled while a
 * presence is saved: a disabled radio loses the focus, and the secrétaire would lose her place in the list.
 */
export function Appel({ detail, canWrite, reload }: SeanceProps) {
  const { seance, elus, presences, pouvoirs, quorum } = detail;
  const a = useAction();
  const editable = canWrite && seance.statut === 'en_cours';
  const set = (eluId: number, statut: string) =>
    a.run(async () => {
      await call('conseil.setPresence', { seanceId: seance.id, presence: { eluId, statut } });
      await reload();
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="appel-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="appel-title">
          Appel des élus
        </Title>
        <Text fw={700}>
          {quorum.counted} présent{quorum.counted > 1 ? 's' : ''} sur {elus.length} en exercice ·{' '}
          {quorum.reached ? 'Quorum atteint' : 'Quorum non atteint'}
        </Text>
      </Group>
      {/* the core's rule decides (L2121-17, without condition at a reconvocation): the window only shows it */}
      <Text mb="xs">{quorum.message}</Text>
      {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
      <Table verticalSpacing="xs">
        <Table.Tbody>
          {elus.map((e) => {
            const st = presences[e.id];
            const pouvoir = pouvoirs.find((p) => p.mandant === e.id);
            return (
              <Table.Tr key={e.id}>
                <Table.Th scope="row" fw={600} style={{ width: '40%' }}>
                  {e.nomComplet}
                </Table.Th>
                <Table.Td>
                  {st === 'represente' || pouvoir ? (
                    <Text>Représenté par {nameOf(elus, pouvoir?.mandataire)} (pouvoir)</Text>
                  ) : editable ? (
                    <SegmentedControl
                      size="md"
                      aria-label={`Présence de ${e.nomComplet}`}
                      value={st ?? 'absent'}
                      onChange={(v) => void set(e.id, v)}
                      data={CHOICES}
                      color={st === 'present' ? FILL.green : FILL.gray}
                    />
                  ) : (
                    <Text>{CHOICES.find((c) => c.value === st)?.label ?? '—'}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The secrétaire or secrétaires de séance, appointed by the council among its present members (L2121-15). */
export function Secretaires({ detail, canWrite, reload }: SeanceProps) {
  const { seance, elus, secretaires, presences } = detail;
  const a = useAction();
  const editable = canWrite && seance.statut === 'en_cours';
  const toggle = (id: number, on: boolean) =>
    a.run(async () => {
      const ids = on ? [...secretaires, id] : secretaires.filter((x) => x !== id);
      await call('conseil.setSecretaires', { seanceId: seance.id, eluIds: ids });
      await reload();
    });
  const candidates = elus.filter((e) => presences[e.id] === 'present' || secretaires.includes(e.id));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="secretaires-title">
      <Title order={2} size="h4" id="secretaires-title" mb="xs">
        {secretaires.length > 1 ? 'Secrétaires de séance' : 'Secrétaire de séance'}
      </Title>
      <Text size="sm" mb="xs">
        Le conseil nomme un ou plusieurs de ses membres présents (art. L2121-15 CGCT) ; le maire ne le désigne pas seul.
      </Text>
      {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
      {secretaires.length > 0 && (
        <Text fw={600} mb="xs">
          {capitalizeFr(
            accordGroupe(
              'nommé',
              secretaires.map((id) => elus.find((e) => e.id === id)?.civilite),
            ),
          )}{' '}
          : {secretaires.map((id) => nameOf(elus, id)).join(', ')}
        </Text>
      )}
      {editable && (
        <Stack gap={4}>
          {candidates.length === 0 && (
            <Text size="sm">Faites d’abord l’appel : seuls les membres présents peuvent être nommés.</Text>
          )}
          <Group gap="xs">
            {candidates.map((e) => {
              const on = secretaires.includes(e.id);
              return (
                <Button
                  key={e.id}
                  size="md"
                  variant={on ? 'filled' : 'default'}
                  aria-pressed={on}
                  onClick={() => void toggle(e.id, !on)}
                >
                  {on ? '✓ ' : ''}
                  {e.nomComplet}
                </Button>
              );
            })}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
