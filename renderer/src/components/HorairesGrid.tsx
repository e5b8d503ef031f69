import { Checkbox, Table, Text } from '@mantine/core';

export type Period = 'matin' | 'apres-midi';
export interface Slot {
  weekday: number;
  period: Period;
}

export const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;
const PERIODS: { value: Period; label: string }[] = [
  { value: 'matin', label: 'matin' },
  { value: 'apres-midi', label: 'après-midi' },
];

const has = (slots: Slot[], weekday: number, period: Period) =>
  slots.some((s) => s.weekday === weekday && s.period === period);

/** Opening half-days, lundi to samedi: one checkbox per half-day, named « mardi matin ». */
export function HorairesGrid({
  value,
  onChange,
  error,
  readOnly,
}: {
  value: Slot[];
  onChange: (v: Slot[]) => void;
  error?: string | undefined;
  readOnly?: boolean;
}) {
  const toggle = (weekday: number, period: Period, on: boolean) => {
    const rest = value.filter((s) => !(s.weekday === weekday && s.period === period));
    const next = on ? [...rest, { weekday, period }] : rest;
    onChange(next.sort((a, b) => a.weekday - b.weekday || (a.period === 'matin' ? -1 : 1)));
  };
  return (
    <div>
      <Table withTableBorder maw={420} captionSide="top" aria-describedby={error ? 'horaires-error' : undefined}>
        <Table.Caption>Demi-journées d’ouverture de la mairie au public</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Jour</Table.Th>
            {PERIODS.map((p) => (
              <Table.Th key={p.value} scope="col">
                {p.label === 'matin' ? 'Matin' : 'Après-midi'}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {WEEKDAYS.map((day, i) => (
            <Table.Tr key={day}>
              <Table.Th scope="row" style={{ textTransform: 'capitalize' }}>
                {day}
              </Table.Th>
              {PERIODS.map((p) => (
                <Table.Td key={p.value}>
                  <Checkbox
                    aria-label={`${day} ${p.label}`}
                    checked={has(value, i + 1, p.value)}
                    disabled={readOnly}
                    onChange={(e) => toggle(i + 1, p.value, e.currentTarget.checked)}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Text id="horaires-error" c="red.9" size="sm" mt="xs" role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
