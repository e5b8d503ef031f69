import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { PdfPreview } from '../components/PdfPreview';
import { downloadFile } from '../lib/files';
import { useAction } from '../lib/useAction';

interface Piece {
  id: number;
  nom: string;
  mime: string;
  taille: number;
  role: 'piece' | 'document';
}

/** Attachments, scans and the documents issued, each downloadable; a PDF can be read in place (pdf.js). */
export function Pieces({ pieces }: { pieces: Piece[] }) {
  const [preview, setPreview] = useState<{ id: number; nom: string; base64: string } | null>(null);
  const a = useAction();
  const toggle = (p: Piece) =>
    preview?.id === p.id
      ? setPreview(null)
      : void a.run(async () =>
          setPreview({ id: p.id, nom: p.nom, base64: (await call('courrier.piece', { pieceId: p.id })).base64 }),
        );
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h5">
        Pièces et documents
      </Title>
      <ErrorAlert>{a.error}</ErrorAlert>
      <Stack gap={4}>
        {pieces.map((p) => (
          <Group key={p.id} gap="xs">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => void a.run(async () => downloadFile(await call('courrier.piece', { pieceId: p.id })))}
            >
              {p.nom}
            </Button>
            <Text size="xs">{p.role === 'document' ? 'document émis' : `${Math.ceil(p.taille / 1024)} Ko`}</Text>
            {p.mime === 'application/pdf' && (
              <Button
                variant="light"
                size="compact-sm"
                onClick={() => toggle(p)}
                aria-label={`${preview?.id === p.id ? 'Masquer' : 'Afficher'} l’aperçu de « ${p.nom} »`}
              >
                {preview?.id === p.id ? 'Masquer l’aperçu' : 'Aperçu'}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      {preview && <PdfPreview key={preview.id} base64={preview.base64} title={preview.nom} />}
    </Paper>
  );
}
