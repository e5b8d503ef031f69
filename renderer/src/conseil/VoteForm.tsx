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
const votersOf = (s: Situation) => [
  ...s.attendance.presents.map((id) => ({ id, par: null as number | null })),
  ...s.attendance.representes.map((r) => ({ id: r.mandant, par: r.mandataire })),
];

type Counts = Record<'pour' | 'contre' | 'abstention', number | ''>;

/**
 * The vote of an item: counts for main levée or secret ballot; a named list for a scrutin public. The form
 * starts empty: the secrétaire types what the président proclaimed (a prefilled « Pour = 11 » got recorded
 * unread). `correction`: the vote is corrected while the séance is open (the core keeps the number).
 */
export function VoteForm({
  point,
  situation,
  elus,
  disabled,
  onVoted,
  correction = false,
}: {
  point: Point;
  situation: Situation;
  elus: Elu[];
  disabled: boolean;
  onVoted: (r: { numero: string; message: string }) => void;
  correction?: boolean;
}) {
  const votants = situation.attendance.votants;
  const [counts, setCounts] = useState<Counts>({ pour: '', contre: '', abstention: '' });
  const [president, setPresident] = useState<string>('');
  const voters = votersOf(situation);
  const [nominatif, setNominatif] = useState<Record<number, Choix | ''>>({});
  const [missing, setMissing] = useState<string | null>(null);
  const a = useAction();
  const isPublic = point.scrutin === 'scrutin_public';
  const n = (k: keyof Counts) => (counts[k] === '' ? 0 : counts[k]);
  const tie =
    !isPublic &&
    n('pour') === n('contre') &&
    n('pour') > 0 &&
    point.scrutin !== 'scrutin_secret' &&
    point.compte_administratif !== 1;
  const total = n('pour') + n('contre') + n('abstention');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const empty = isPublic
      ? voters.filter((v) => !nominatif[v.id]).map((v) => nameOf(elus, v.id))
      : (['pour', 'contre', 'abstention'] as const).filter((k) => counts[k] === '');
    setMissing(
      empty.length
        ? isPublic
          ? `Indiquez le vote de ${empty.join(', ')}.`
          : 'Indiquez le nombre de voix pour, contre et d’abstentions (0 s’il n’y en a pas).'
        : null,
    );
    if (empty.length) return;
    let result: { numero: string; message: string } | null = null;
    await a.run(async () => {
      const vote = isPublic
        ? { pour: 0, contre: 0, abstention: 0, nominatif: voters.map((v) => ({ eluId: v.id, choix: nominatif[v.id] })) }
        : {
            pour: n('pour'),
            contre: n('contre'),
            abstention: n('abstention'),
            presidentChoix: tie && president ? president : null,
          };
      result = await call(correction ? 'conseil.correctVote' : 'conseil.vote', { pointId: point.id, vote });
    });
    if (result) onVoted(result);
  };
  const num = (k: keyof Counts, label: string) => (
    <NumberInput
      size="lg"
      label={label}
      min={0}
      max={votants}
      value={counts[k]}
      onChange={(v) => setCounts({ ...counts, [k]: v === '' ? '' : Number(v) })}
      disabled={disabled}
      allowDecimal={false}
      allowNegative={false}
      w={150}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label={`Vote du point ${point.rang}`}>
      <Stack gap="sm">
        {isPublic ? (
          <>
            <Text size="sm">
              Scrutin public : le registre mentionne le nom des votants et le sens de leur vote (art. L2121-21 CGCT).
            </Text>
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
                        <SegmentedControl
                          size="md"
                          aria-label={`Vote de ${label}`}
                          data={CHOIX}
                          value={nominatif[v.id] ?? ''}
                          onChange={(x) => setNominatif({ ...nominatif, [v.id]: x as Choix })}
                          disabled={disabled}
                        />
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
              <Button
                variant="default"
                size="lg"
                disabled={disabled}
                onClick={() => setCounts({ pour: votants, contre: 0, abstention: 0 })}
              >
                Unanimité
              </Button>
            </Group>
            <Text size="sm" fw={600} c={total === votants ? undefined : 'red.9'}>
              {total} voix sur {votants} votant{votants > 1 ? 's' : ''}
              {point.scrutin === 'scrutin_secret'
                ? ' — scrutin secret : en cas de partage, la proposition est rejetée.'
                : ''}
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
        {(missing ?? a.error) && <ErrorAlert>{missing ?? a.error}</ErrorAlert>}
        <Group>
          <Button type="submit" size="lg" loading={a.busy} disabled={disabled}>
            {correction ? 'Enregistrer le vote corrigé' : 'Enregistrer le vote'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
