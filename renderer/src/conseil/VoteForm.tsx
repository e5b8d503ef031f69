import { Button, Group, NativeSelect, NumberInput, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { nameOf, type Elu, type Point, type Situation } from './types';
import { useAction } from '../lib/useAction';

type Choix = 'pour' | 'contre' | 'abstention';
const CHOIX = [
  { value: 'pour', label: 'Pour' },
  { value: 'contre', label: 'Contre' },
  { value: 'abstention', label: 'Abstention' },
];

/** Who votes on this item: the présents, and each représenté through his mandataire (listed under the mandant, L2121-21). */
const votersOf = (s: Situation) => [...s.attendance.presents.map((id) => ({ id, par: null as number | null })), ...s.attendance.representes.map((r) => ({ id: r.mandant, par: r.mandataire }))];

/** The vote of an item: counts for main levée or secret ballot; a named list for a scrutin public. */
export function VoteForm({ point, situation, elus, disabled, onVoted }: { point: Point; situation: Situation; elus: Elu[]; disabled: boolean; onVoted: (r: { numero: string; message: string }) => void }) {
  const votants = situation.attendance.votants;
  const [counts, setCounts] = useState({ pour: votants, contre: 0, abstention: 0 });
  const [president, setPresident] = useState<string>('');
  const voters = votersOf(situation);
  const [nominatif, setNominatif] = useState<Record<number, Choix>>(() => Object.fromEntries(voters.map((v) => [v.id, 'pour'])));
  const a = useAction();
  const isPublic = point.scrutin === 'scrutin_public';
  const tie = !isPublic && counts.pour === counts.contre && counts.pour > 0 && point.scrutin !== 'scrutin_secret' && point.compte_administratif !== 1;
  const total = counts.pour + counts.contre + counts.abstention;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let result: { numero: string; message: string } | null = null;
    await a.run(async () => {
      result = await call('conseil.vote', {
        pointId: point.id,
        vote: isPublic
          ? { pour: 0, contre: 0, abstention: 0, nominatif: voters.map((v) => ({ eluId: v.id, choix: nominatif[v.id] ?? 'pour' })) }
          : { ...counts, presidentChoix: tie && president ? president : null },
      });
    });
    if (result) onVoted(result);
  };
  const num = (k: keyof typeof counts, label: string) => (
    <NumberInput size="lg" label={label} min={0} max={votants} value={counts[k]} onChange={(v) => setCounts({ ...counts, [k]: Number(v) || 0 })} disabled={disabled} allowDecimal={false} allowNegative={false} w={150} />
  );
  return (
    <form onSubmit={submit} noValidate aria-label={`Vote du point ${point.rang}`}>
      <Stack gap="sm">
        {isPublic ? (
          <>
            <Text size="sm">Scrutin public : le registre mentionne le nom des votants et le sens de leur vote (art. L2121-21 CGCT).</Text>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {voters.map((v) => {
                  const label = `${nameOf(elus, v.id)}${v.par ? ` (pouvoir à ${nameOf(elus, v.par)})` : ''}`;
                  return (
                    <Table.Tr key={v.id}>
                      <Table.Th scope="row" fw={600}>
                        {label}
                      </Table.Th>
                      <Table.Td>
                        <SegmentedControl size="md" aria-label={`Vote de ${label}`} data={CHOIX} value={nominatif[v.id] ?? 'pour'} onChange={(x) => setNominatif({ ...nominatif, [v.id]: x as Choix })} disabled={disabled} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </>
        ) : (
          <>
            <Group align="flex-end">
              {num('pour', 'Pour')}
              {num('contre', 'Contre')}
              {num('abstention', 'Abstentions')}
              <Button variant="default" size="lg" disabled={disabled} onClick={() => setCounts({ pour: votants, contre: 0, abstention: 0 })}>
                Unanimité
              </Button>
            </Group>
            <Text size="sm" fw={600} c={total === votants ? undefined : 'red.9'}>
              {total} voix sur {votants} votant{votants > 1 ? 's' : ''}
              {point.scrutin === 'scrutin_secret' ? ' — scrutin secret : en cas de partage, la proposition est rejetée.' : ''}
            </Text>
            {tie && (
              <NativeSelect
                size="lg"
                label="Partage égal des voix : vote du président (voix prépondérante, art. L2121-20 CGCT)"
                value={president}
                onChange={(e) => setPresident(e.currentTarget.value)}
                data={[{ value: '', label: 'Choisir…' }, ...CHOIX]}
              />
            )}
          </>
        )}
        {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
        <Group>
          <Button type="submit" size="lg" loading={a.busy} disabled={disabled}>
            Enregistrer le vote
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
