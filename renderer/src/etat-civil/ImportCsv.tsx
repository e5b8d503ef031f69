import { Button, FileInput, Group, Paper, Progress, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, onEvent, type HandlerResult } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { frDate } from './types';

type Preview = HandlerResult<'etatCivil.importPreview'>;
const FIELDS = [
  ['type', 'Type d’acte'],
  ['numero', 'Numéro'],
  ['date_acte', 'Date de l’acte'],
  ['annee', 'Année'],
  ['nom', 'Nom'],
  ['prenoms', 'Prénoms'],
  ['nom_usage', 'Nom d’usage'],
  ['nom_conjoint', 'Nom du conjoint'],
  ['prenoms_conjoint', 'Prénoms du conjoint'],
  ['date_evenement', 'Date de l’événement'],
  ['lieu_evenement', 'Lieu'],
] as const;

/** Import a table décennale / an index (CSV): mapping, preview, refused lines with their reason, then all at once. */
export function ImportCsv() {
  const [file, setFile] = useState<{ nom: string; csv: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<{ importees: number; refus: number } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const act = useAction();
  useEffect(
    () =>
      onEvent('etatCivil.progress', (p) => {
        const { done: d, total } = p as { done: number; total: number };
        setProgress(total ? (100 * d) / total : 100);
      }),
    [],
  );
  const load = (f: File | null) =>
    f &&
    act.run(async () => {
      const csv = await f.text();
      setFile({ nom: f.name, csv });
      setDone(null);
      setPreview(await call('etatCivil.importPreview', { csv }));
    });
  const remap = (field: string, col: string | null) =>
    preview &&
    file &&
    act.run(async () => {
      const mapping = { ...preview.mapping } as Record<string, number>;
      if (col === null) delete mapping[field];
      else mapping[field] = Number(col);
      setPreview(await call('etatCivil.importPreview', { csv: file.csv, mapping }));
    });
  const run = () =>
    preview &&
    file &&
    act.run(async () => {
      setProgress(0);
      const r = await call('etatCivil.importCsv', { csv: file.csv, mapping: preview.mapping, nom: file.nom });
      setDone({ importees: r.importees, refus: r.refus.length });
      setPreview(null);
    });
  const cols = preview?.entetes.map((h, i) => ({ value: String(i), label: `Colonne ${i + 1} : ${h}` })) ?? [];
  return (
    <>
      <ErrorAlert>{act.error}</ErrorAlert>
      <FileInput
        label="Fichier CSV (table décennale, index existant)"
        accept=".csv,text/csv"
        onChange={(f) => void load(f)}
        value={null}
        placeholder={file?.nom ?? 'Choisir un fichier'}
        styles={{ placeholder: { color: 'var(--mantine-color-dark-7)' } }}
        mb="md"
      />
      {progress !== null && <Progress value={progress} mb="sm" aria-label="Progression de l’import" />}
      {done && (
        <Text role="status" mb="md">
          {done.importees} acte(s) importé(s) ; {done.refus} ligne(s) refusée(s) (rien d’autre n’a été modifié).
        </Text>
      )}
      {preview && (
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            Correspondance des colonnes
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
            {FIELDS.map(([f, label]) => (
              <Select
                key={f}
                label={label}
                data={cols}
                clearable
                value={preview.mapping[f] === undefined ? null : String(preview.mapping[f])}
                onChange={(v) => void remap(f, v)}
              />
            ))}
          </SimpleGrid>
          <Text mb="xs">
            {preview.lignes} ligne(s) lue(s) : {preview.acceptees} prête(s) à importer, {preview.refus.length}{' '}
            refusée(s).
          </Text>
          <Title order={3} size="h4">
            Aperçu
          </Title>
          <Table mb="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Type</Table.Th>
                <Table.Th>N°</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Nom</Table.Th>
                <Table.Th>Prénoms</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.apercu.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{r.type}</Table.Td>
                  <Table.Td>{r.numero}</Table.Td>
                  <Table.Td>{frDate(r.date_acte)}</Table.Td>
                  <Table.Td>{r.nom}</Table.Td>
                  <Table.Td>{r.prenoms}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {preview.refus.length > 0 && (
            <>
              <Title order={3} size="h4">
                Lignes refusées
              </Title>
              <Table mb="md" aria-label="Lignes refusées">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Ligne</Table.Th>
                    <Table.Th>Motif</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.refus.map((r) => (
                    <Table.Tr key={r.ligne}>
                      <Table.Td>{r.ligne}</Table.Td>
                      <Table.Td>{r.motif}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          <Group>
            <Button onClick={() => void run()} loading={act.busy} disabled={!preview.acceptees}>
              Importer {preview.acceptees} acte(s)
            </Button>
          </Group>
        </Paper>
      )}
    </>
  );
}
