import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { formatDate } from '../lib/format';
import { downloadPdf } from './files';
import { FILL, todayIso } from './types';
import { useAction } from '../lib/useAction';
import { DateField } from '../components/DateField';
import { useConfirmation } from '../components/useConfirmation';

export interface DelibLike {
  id: number;
  numero: string;
  objet: string;
  matiere: string;
  adoptee: number;
  pdf_sha256: string | null;
  /** after the préfecture's AR (S²LOW §2.5): bordereau d'acquittement and the act stamped « reçu en préfecture » */
  bordereau_sha256?: string | null;
  tampon_sha256?: string | null;
  publication_debut: string | null;
  publication_fin: string | null;
  mode_publicite: string | null;
  executoire: { executoire: boolean; date: string | null; raisons: string[] };
}

/** « Exécutoire le … », or what is still missing (L2131-1, L2131-2). */
export function Executoire({ d }: { d: DelibLike }) {
  if (!d.adoptee) return <Text size="sm">Rejetée : pas d’acte à rendre exécutoire.</Text>;
  return (
    <Stack gap={2}>
      {d.executoire.executoire ? (
        <Text size="sm" fw={700} c="var(--clocher-color-success)">
          Exécutoire le {formatDate(d.executoire.date)}
        </Text>
      ) : (
        <Text size="sm" fw={700} c="red.9">
          Pas encore exécutoire
        </Text>
      )}
      {d.executoire.raisons.map((r) => (
        <Text key={r} size="sm">
          {r.charAt(0).toUpperCase() + r.slice(1)}
        </Text>
      ))}
    </Stack>
  );
}

/** One délibération: download, publication in the commune's mode, exécutoire status. */
export function DeliberationRow({
  d,
  canWrite,
  reload,
  seanceDate,
}: {
  d: DelibLike;
  canWrite: boolean;
  reload: () => Promise<void>;
  seanceDate?: string;
}) {
  const [debut, setDebut] = useState(todayIso());
  const a = useAction();
  const { confirmed, dialog } = useConfirmation();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={700}>
        {d.numero}
      </Table.Th>
      <Table.Td>
        <Text size="sm">{d.objet}</Text>
        <Group gap={4} mt={2}>
          <Badge size="sm" color={d.adoptee ? FILL.green : 'red.9'}>
            {d.adoptee ? 'Adoptée' : 'Rejetée'}
          </Badge>
          <Badge size="sm" variant="outline" color={FILL.gray}>
            Matière {d.matiere}
          </Badge>
          {seanceDate && <Text size="xs">Séance du {formatDate(seanceDate)}</Text>}
        </Group>
      </Table.Td>
      <Table.Td>
        {d.publication_debut ? (
          <Text size="sm">
            Publiée le {formatDate(d.publication_debut)}
            {d.mode_publicite ? ` (${d.mode_publicite === 'electronique' ? 'électronique' : d.mode_publicite})` : ''}
            {d.publication_fin ? `, en ligne au moins jusqu’au ${formatDate(d.publication_fin)}` : ''}
          </Text>
        ) : canWrite && d.adoptee ? (
          <Group gap={4} align="flex-end" wrap="nowrap">
            <DateField
              size="xs"
              label={`Publication de la n° ${d.numero}`}
              value={debut}
              onChange={(e) => setDebut(e.currentTarget.value)}
            />
            <Button
              size="xs"
              loading={a.busy}
              onClick={() =>
                void a.run(async () => {
                  // the core says what publishing means (L2131-1), then asks again if the act is unsigned (L2121-23)
                  const r = await confirmed(['confirm', 'confirmNonSignee'], (f) =>
                    call('conseil.publishDeliberation', { deliberationId: d.id, debut, ...f }),
                  );
                  if (!r.cancelled) await reload();
                })
              }
            >
              Publier…
            </Button>
            {dialog}
          </Group>
        ) : (
          <Text size="sm">Non publiée</Text>
        )}
        {a.error && (
          <Text size="sm" c="red.9" role="alert">
            {a.error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Executoire d={d} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Button
            size="xs"
            variant="light"
            disabled={!d.pdf_sha256}
            aria-label={`Télécharger la délibération n° ${d.numero}`}
            onClick={() =>
              void a.run(async () =>
                downloadPdf({
                  ...(await call('documents.get', { sha256: d.pdf_sha256 ?? '' })),
                  nom: `deliberation-${d.numero}.pdf`,
                }),
              )
            }
          >
            Télécharger
          </Button>
          {d.tampon_sha256 && (
            <Button
              size="xs"
              variant="light"
              aria-label={`Télécharger l’acte tamponné de la délibération n° ${d.numero}`}
              onClick={() =>
                void a.run(async () =>
                  downloadPdf({
                    ...(await call('documents.get', { sha256: d.tampon_sha256 ?? '' })),
                    nom: `deliberation-${d.numero}-tamponnee.pdf`,
                  }),
                )
              }
            >
              Acte tamponné
            </Button>
          )}
          {d.bordereau_sha256 && (
            <Button
              size="xs"
              variant="light"
              aria-label={`Télécharger le bordereau d’acquittement de la délibération n° ${d.numero}`}
              onClick={() =>
                void a.run(async () =>
                  downloadPdf({
                    ...(await call('documents.get', { sha256: d.bordereau_sha256 ?? '' })),
                    nom: `deliberation-${d.numero}-bordereau-acquittement.pdf`,
                  }),
                )
              }
            >
              Bordereau d’acquittement
            </Button>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

export function DeliberationsTable({
  rows,
  canWrite,
  reload,
  withSeance = false,
}: {
  rows: (DelibLike & { seance_date?: string })[];
  canWrite: boolean;
  reload: () => Promise<void>;
  withSeance?: boolean;
}) {
  return (
    <Table withTableBorder striped verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Numéro</Table.Th>
          <Table.Th scope="col">Objet</Table.Th>
          <Table.Th scope="col">Publication</Table.Th>
          <Table.Th scope="col">Caractère exécutoire</Table.Th>
          <Table.Th scope="col">Document</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((d) => (
          <DeliberationRow
            key={d.id}
            d={d}
            canWrite={canWrite}
            reload={reload}
            seanceDate={withSeance ? d.seance_date : undefined}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}
