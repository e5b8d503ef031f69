import { Button, FileInput, Group, NumberInput, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { downloadFile, uploadFile } from '../lib/files';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';
import { RegistreVie, type Etape } from './RegistreVie';
import { frDate, KIND_OPTIONS, type KindValue, type Registre } from './types';

const TYPE_OPTIONS = [...KIND_OPTIONS, { value: 'unique', label: 'Registre unique (tous les actes)' }];
/** Decennial tables run from a year ending in 3 to the next ending in 2 (1983–1992, 1993–2002…). */
const decade = (y: number) => y - ((((y - 3) % 10) + 10) % 10);
const label = (t: string) => TYPE_OPTIONS.find((o) => o.value === t)?.label ?? t;

/** Registers by year and kind, their scans (PDF, JPEG, TIFF, page by page) and their tables. */
export function Registres() {
  const { data, error, reload } = useLoad(() => call('etatCivil.registres', {}));
  const act = useAction();
  const [n, setN] = useState({ annee: new Date().getFullYear(), type: 'naissance' });
  const [progress, setProgress] = useState<string | null>(null);
  const [vie, setVie] = useState<{ r: Registre; etape: Etape } | null>(null);
  const addScan = (r: Registre, file: File | null) =>
    file &&
    act.run(async () => {
      const uploadId = await uploadFile(
        file,
        (x) => setProgress(`Envoi de « ${file.name} » : ${Math.round(x * 100)} %`),
        'etat-civil',
      );
      const p = await call('etatCivil.addPages', { registreId: r.id, uploadId });
      setProgress(`« ${file.name} » ajouté : pages ${p.first} à ${p.last}.`);
      await reload();
    });
  const table = (r: Registre, t: 'annuelle' | 'decennale') =>
    act.run(async () =>
      downloadFile(
        await call('etatCivil.tablePdf', {
          table: t,
          annee: t === 'annuelle' ? r.annee : decade(r.annee),
          type: (r.type === 'unique' ? 'naissance' : r.type) as KindValue,
        }),
      ),
    );
  return (
    <>
      <ErrorAlert>{error ?? act.error}</ErrorAlert>
      {progress && (
        <Text size="sm" mb="sm" aria-live="polite">
          {progress}
        </Text>
      )}
      <Paper withBorder p="md" mb="md">
        <Title order={2} size="h3" mb="sm">
          Ouvrir un registre
        </Title>
        <Group align="flex-end">
          <NumberInput
            label="Année"
            min={1792}
            max={2200}
            value={n.annee}
            onChange={(v) => setN({ ...n, annee: Number(v) || n.annee })}
          />
          <Select
            label="Type"
            data={TYPE_OPTIONS}
            value={n.type}
            onChange={(v) => setN({ ...n, type: v ?? 'naissance' })}
            allowDeselect={false}
          />
          <Button
            onClick={() =>
              void act.run(
                async () => (
                  await call('etatCivil.saveRegistre', {
                    registreId: null,
                    registre: { annee: n.annee, type: n.type as KindValue, ouvert_le: null },
                  }),
                  reload()
                ),
              )
            }
          >
            Ouvrir
          </Button>
        </Group>
      </Paper>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Registre</Table.Th>
            <Table.Th>Actes</Table.Th>
            <Table.Th>Pages numérisées</Table.Th>
            <Table.Th>Clos le</Table.Th>
            <Table.Th>Relié le</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                {label(r.type)} {r.annee}
              </Table.Td>
              <Table.Td>{r.actes}</Table.Td>
              <Table.Td>{r.pages}</Table.Td>
              <Table.Td>{frDate(r.clos_le) || '—'}</Table.Td>
              <Table.Td>{frDate(r.relie_le) || '—'}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <FileInput
                    size="xs"
                    w={230}
                    aria-label={`Ajouter des pages numérisées au registre ${label(r.type)} ${r.annee}`}
                    placeholder="Ajouter des pages (PDF, JPEG, TIFF)"
                    styles={{ placeholder: { color: 'var(--mantine-color-dark-7)' } }}
                    accept="application/pdf,image/jpeg,image/tiff,.pdf,.jpg,.jpeg,.tif,.tiff"
                    onChange={(f) => void addScan(r, f)}
                    value={null}
                  />
                  {!r.clos_le && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={`Clore le registre ${label(r.type)} ${r.annee}`}
                      onClick={() => setVie({ r, etape: 'clore' })}
                    >
                      Clore…
                    </Button>
                  )}
                  {r.clos_le && !r.relie_le && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={`Enregistrer la reliure du registre ${label(r.type)} ${r.annee}`}
                      onClick={() => setVie({ r, etape: 'relier' })}
                    >
                      Reliure…
                    </Button>
                  )}
                  <Button size="compact-sm" variant="light" onClick={() => void table(r, 'annuelle')}>
                    Table annuelle
                  </Button>
                  <Button size="compact-sm" variant="light" onClick={() => void table(r, 'decennale')}>
                    Table décennale {decade(r.annee)}–{decade(r.annee) + 9}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {vie && (
        <RegistreVie
          registre={vie.r}
          etape={vie.etape}
          nom={`${label(vie.r.type)} ${vie.r.annee}`}
          onClose={() => setVie(null)}
          onDone={() => {
            setProgress(
              vie.etape === 'clore'
                ? `Registre ${label(vie.r.type)} ${vie.r.annee} clos.`
                : `Reliure du registre ${label(vie.r.type)} ${vie.r.annee} enregistrée.`,
            );
            setVie(null);
            void reload();
          }}
        />
      )}
      {data?.length === 0 && (
        <Text size="sm" mt="sm">
          Aucun registre : ouvrez-en un ou importez une table décennale.
        </Text>
      )}
    </>
  );
}
