import { Button, Group, Loader, Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { PdfPreview } from '../components/PdfPreview';
import { errorMessage } from '../lib/errors';
import { base64ToBytes, downloadFile } from '../lib/files';

type Page = HandlerResult<'etatCivil.page'>;

/** The act's scanned page(s) from its register: an image, a PDF page, or (TIFF, which browsers cannot show) a download. */
export function ScanView({ registreId, pages }: { registreId: number | null; pages: number[] }) {
  const [i, setI] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const n = pages[i];
  useEffect(() => {
    if (!registreId || n === undefined) return;
    let live = true;
    setPage(null);
    call('etatCivil.page', { registreId, page: n })
      .then((p) => live && setPage(p))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [registreId, n]);
  useEffect(() => {
    if (page?.mime !== 'image/jpeg') return setUrl(null);
    const u = URL.createObjectURL(new Blob([base64ToBytes(page.base64) as BlobPart], { type: page.mime }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [page]);
  if (!registreId || !pages.length)
    return (
      <Paper withBorder p="md">
        <Text size="sm">
          Aucune page numérisée pour cet acte. Ajoutez les scans du registre dans l’onglet « Registres », puis indiquez
          la page de l’acte.
        </Text>
      </Paper>
    );
  return (
    <Paper withBorder p="xs">
      <ErrorAlert>{error}</ErrorAlert>
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={600}>
          Page {n} du registre
        </Text>
        {pages.length > 1 && (
          <Group gap="xs">
            <Button size="compact-sm" variant="default" disabled={i === 0} onClick={() => setI(i - 1)}>
              Page précédente
            </Button>
            <Button size="compact-sm" variant="default" disabled={i === pages.length - 1} onClick={() => setI(i + 1)}>
              Page suivante
            </Button>
          </Group>
        )}
      </Group>
      {!page && !error && <Loader size="sm" aria-label="Chargement de la page" />}
      {page?.mime === 'image/jpeg' && url && (
        <img src={url} alt={`Page ${n} du registre, numérisée`} style={{ width: '100%' }} />
      )}
      {page?.mime === 'application/pdf' && <PdfPreview base64={page.base64} title={`Page ${n} du registre`} />}
      {page?.mime === 'image/tiff' && (
        <Button variant="light" onClick={() => downloadFile({ ...page, nom: `${page.nom}.tif` })}>
          Ouvrir la page (TIFF) dans la visionneuse de l’ordinateur
        </Button>
      )}
    </Paper>
  );
}
