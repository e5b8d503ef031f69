import { Button, Group, NumberInput, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { KIND_OPTIONS, type KindValue } from './types';
import { DateField } from '../components/DateField';

/** Index an act: enough to find it and show its page; keying comes later, from its scan. */
export function IndexerForm({ onDone }: { onDone: (acteId: number | null) => void }) {
  const [v, setV] = useState({
    type: 'naissance' as KindValue,
    numero: 1,
    date_acte: '',
    nom: '',
    prenoms: '',
    nom_conjoint: '',
    prenoms_conjoint: '',
  });
  const a = useAction();
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value });
  const save = () =>
    a.run(async () => {
      const { acteId } = await call('etatCivil.createActe', {
        acte: { ...v, nom_conjoint: v.nom_conjoint || null, prenoms_conjoint: v.prenoms_conjoint || null },
      });
      onDone(acteId);
    });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="sm">
        Indexer un acte
      </Title>
      <ErrorAlert>{a.error}</ErrorAlert>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Type d’acte"
          data={KIND_OPTIONS as never}
          value={v.type}
          onChange={(t) => setV({ ...v, type: (t ?? 'naissance') as KindValue })}
          allowDeselect={false}
        />
        <NumberInput
          label="Numéro"
          min={1}
          value={v.numero}
          onChange={(n) => setV({ ...v, numero: Number(n) || 1 })}
          error={a.fields.numero}
        />
        <DateField label="Date de l’acte" value={v.date_acte} onChange={set('date_acte')} error={a.fields.date_acte} />
        <TextInput label="Nom" value={v.nom} onChange={set('nom')} error={a.fields.nom} />
        <TextInput label="Prénoms" value={v.prenoms} onChange={set('prenoms')} error={a.fields.prenoms} />
        {v.type === 'mariage' && (
          <TextInput
            label="Nom du second époux"
            value={v.nom_conjoint}
            onChange={set('nom_conjoint')}
            error={a.fields.nom_conjoint}
          />
        )}
        {v.type === 'mariage' && (
          <TextInput label="Prénoms du second époux" value={v.prenoms_conjoint} onChange={set('prenoms_conjoint')} />
        )}
      </SimpleGrid>
      <Group mt="md">
        <Button onClick={() => void save()} loading={a.busy}>
          Indexer
        </Button>
        <Button variant="default" onClick={() => onDone(null)}>
          Annuler
        </Button>
      </Group>
    </Paper>
  );
}
