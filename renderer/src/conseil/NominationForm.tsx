import { Button, Group, List, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import type { Elu, Point } from './types';
import { useAction } from '../lib/useAction';
import { count } from '../lib/accord';

interface Tour {
  tour: number;
  candidats: { nom: string; voix: number }[];
  blancsNuls: number;
  message: string;
}

/** A nomination by secret ballot (L2121-21): absolute majority at rounds 1 and 2, relative at round 3, the oldest wins a tie. */
export function NominationForm({
  point,
  elus,
  disabled,
  onDone,
}: {
  point: Point;
  elus: Elu[];
  disabled: boolean;
  onDone: (message: string) => void;
}) {
  const tours = (point.tours ?? []) as Tour[];
  const tour = tours.length + 1;
  const [rows, setRows] = useState<{ eluId: string; voix: number }[]>([
    { eluId: '', voix: 0 },
    { eluId: '', voix: 0 },
  ]);
  const [blancsNuls, setBlancsNuls] = useState(0);
  const a = useAction();
  const options = [
    { value: '', label: 'Choisir…' },
    ...elus.map((e) => ({ value: String(e.id), label: e.nomComplet })),
  ];
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    let message = '';
    const ok = await a.run(async () => {
      const candidats = rows
        .filter((r) => r.eluId)
        .map((r) => {
          const e = elus.find((x) => x.id === Number(r.eluId));
          return { eluId: Number(r.eluId), nom: e ? `${e.prenom} ${e.nom}` : '', voix: r.voix };
        });
      const r = await call('conseil.nominationRound', { pointId: point.id, round: { tour, candidats, blancsNuls } });
      message = r.message;
    });
    if (ok) onDone(message);
  };
  return (
    <Stack gap="sm">
      {tours.length > 0 && (
        <List spacing="xs">
          {tours.map((t) => (
            <List.Item key={t.tour}>
              <Text fw={600}>
                Tour {t.tour} : {t.candidats.map((c) => `${c.nom} ${c.voix} voix`).join(', ')},{' '}
                {count(t.blancsNuls, 'blanc ou nul')}
              </Text>
              <Text size="sm">{t.message}</Text>
            </List.Item>
          ))}
        </List>
      )}
      {tour <= 3 && (
        <form onSubmit={submit} noValidate aria-label={`Tour n° ${tour}`}>
          <Stack gap="xs">
            <Text fw={700}>
              Tour n° {tour}{' '}
              {tour < 3 ? '(majorité absolue requise)' : '(majorité relative ; à égalité, le plus âgé est élu)'}
            </Text>
            {rows.map((r, i) => (
              <Group key={i} align="flex-end">
                <NativeSelect
                  size="md"
                  label={`Candidat ${i + 1}`}
                  value={r.eluId}
                  data={options}
                  disabled={disabled}
                  onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, eluId: e.currentTarget.value } : x)))}
                />
                <NumberInput
                  size="md"
                  label={`Voix du candidat ${i + 1}`}
                  min={0}
                  value={r.voix}
                  w={170}
                  allowDecimal={false}
                  allowNegative={false}
                  disabled={disabled}
                  onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, voix: Number(v) || 0 } : x)))}
                />
              </Group>
            ))}
            <Group align="flex-end">
              <Button variant="default" disabled={disabled} onClick={() => setRows([...rows, { eluId: '', voix: 0 }])}>
                Ajouter un candidat
              </Button>
              <NumberInput
                size="md"
                label="Bulletins blancs ou nuls"
                min={0}
                value={blancsNuls}
                w={200}
                allowDecimal={false}
                allowNegative={false}
                disabled={disabled}
                onChange={(v) => setBlancsNuls(Number(v) || 0)}
              />
            </Group>
            {a.error && <ErrorAlert>{a.error}</ErrorAlert>}
            <Group>
              <Button type="submit" size="lg" loading={a.busy} disabled={disabled}>
                Enregistrer le tour n° {tour}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
