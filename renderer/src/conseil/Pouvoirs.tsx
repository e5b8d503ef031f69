import {
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { formatDate } from '../lib/format';
import { uploadFile } from './files';
import type { SeanceProps } from './SeancePage';
import { nameOf, todayIso } from './types';
import { useAction } from '../lib/useAction';
import { DateField } from '../components/DateField';
import { noSubmitOnEnter } from '../components/keyboard';

/** Written pouvoirs (L2121-20): one per mandataire, at most three consecutive séances unless illness; refusals carry the article. */
export function Pouvoirs({ detail, canWrite, reload }: SeanceProps) {
  const { seance, elus, pouvoirs } = detail;
  const editable = canWrite && seance.statut !== 'close';
  const [mandant, setMandant] = useState('');
  const [mandataire, setMandataire] = useState('');
  const [signeLe, setSigneLe] = useState(todayIso());
  const [maladie, setMaladie] = useState(false);
  const [scan, setScan] = useState<File | null>(null);
  const add = useAction();
  const remove = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await add.run(async () => {
      const uploadId = scan ? await uploadFile(scan) : null;
      await call('conseil.addPouvoir', {
        seanceId: seance.id,
        pouvoir: {
          mandantId: mandant ? Number(mandant) : undefined,
          mandataireId: mandataire ? Number(mandataire) : undefined,
          signeLe,
          maladie,
        },
        uploadId,
      });
      await reload();
    });
    if (ok) {
      setMandant('');
      setMandataire('');
      setMaladie(false);
      setScan(null);
    }
  };
  const options = [
    { value: '', label: 'Choisir…' },
    ...elus.map((e) => ({ value: String(e.id), label: e.nomComplet })),
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pouvoirs-title">
      <Title order={2} size="h4" id="pouvoirs-title" mb="xs">
        Pouvoirs
      </Title>
      <Text size="sm" mb="xs">
        Un élu empêché donne un pouvoir écrit à un collègue présent ; chacun n’en porte qu’un ; valable au plus pour
        trois séances consécutives, sauf maladie dûment constatée (art. L2121-20 CGCT). Un pouvoir compte parmi les
        votants, jamais parmi les présents.
      </Text>
      {remove.error && <ErrorAlert>{remove.error}</ErrorAlert>}
      {pouvoirs.length === 0 ? (
        <Text mb="sm">Aucun pouvoir pour cette séance.</Text>
      ) : (
        <List mb="sm" spacing="xs">
          {pouvoirs.map((p) => (
            <List.Item key={p.id}>
              <Group gap="xs">
                <Text>
                  {nameOf(elus, p.mandant)} → {nameOf(elus, p.mandataire)}, signé le {formatDate(p.signe_le)}
                  {p.maladie ? ' (maladie)' : ''}
                </Text>
                {editable && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    aria-label={`Retirer le pouvoir de ${nameOf(elus, p.mandant)}`}
                    onClick={() =>
                      void remove.run(async () => {
                        await call('conseil.removePouvoir', { seanceId: seance.id, pouvoirId: p.id });
                        await reload();
                      })
                    }
                  >
                    Retirer
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {editable && (
        <form onSubmit={submit} noValidate aria-label="Enregistrer un pouvoir">
          <Stack gap="xs">
            <ErrorAlert>{summaryOf(add.error, add.fields)}</ErrorAlert>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label="Mandant (donne pouvoir)"
                value={mandant}
                onChange={(e) => setMandant(e.currentTarget.value)}
                data={options}
                error={add.fields.mandantId}
              />
              <NativeSelect
                label="Mandataire (vote pour lui)"
                value={mandataire}
                onChange={(e) => setMandataire(e.currentTarget.value)}
                data={options}
                error={add.fields.mandataireId}
              />
              <DateField
                label="Date du pouvoir"
                value={signeLe}
                onChange={(e) => setSigneLe(e.currentTarget.value)}
                error={add.fields.signeLe}
              />
            </SimpleGrid>
            <Group align="flex-end">
              <Checkbox
                label="Maladie dûment constatée"
                checked={maladie}
                onChange={(e) => setMaladie(e.currentTarget.checked)}
                onKeyDown={noSubmitOnEnter}
              />
              <FileInput
                label="Pouvoir scanné (PDF, facultatif)"
                accept="application/pdf,.pdf"
                value={scan}
                onChange={setScan}
                clearable
                w={280}
              />
              <Button type="submit" loading={add.busy}>
                Enregistrer le pouvoir
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
