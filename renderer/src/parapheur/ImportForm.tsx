import { Button, FileButton, Group, NativeSelect, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { upload } from './files';
import { useAction } from '../lib/useAction';

type Kind = 'pes' | 'arrete' | 'courrier' | 'etat_civil';
const KINDS: { value: Kind; label: string; accept: string }[] = [
  { value: 'pes', label: 'Fichier PES Aller (bordereaux comptables, XML)', accept: '.xml,application/xml,text/xml' },
  { value: 'arrete', label: 'Arrêté (PDF)', accept: 'application/pdf,.pdf' },
  { value: 'courrier', label: 'Courrier (PDF)', accept: 'application/pdf,.pdf' },
  { value: 'etat_civil', label: 'Acte d’état civil (PDF)', accept: 'application/pdf,.pdf' },
];

/** Put a file into the parapheur: a PES Aller from the accounting software, or a PDF to sign. Sent in chunks. */
export function ImportForm({ onImported }: { onImported: () => Promise<void> }) {
  const [kind, setKind] = useState<Kind>('pes');
  const [titre, setTitre] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [ratio, setRatio] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const a = useAction();
  const send = async () => {
    const errors: Record<string, string> = {};
    if (titre.trim().length < 3) errors.titre = 'Titre : 3 caractères au moins.';
    if (!file) errors.file = 'Choisissez le fichier à déposer.';
    setLocal(errors);
    if (!file || Object.keys(errors).length) return;
    setDone(null);
    const ok = await a.run(async () => {
      try {
        const uploadId = await upload(file, setRatio);
        await call('parapheur.importer', { uploadId, kind, titre: titre.trim() });
      } finally {
        setRatio(null);
      }
    });
    if (ok) {
      setDone(`« ${titre.trim()} » est déposé dans le parapheur : il attend le visa du secrétariat.`);
      setTitre('');
      setFile(null);
      await onImported();
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-titre">
      <Stack gap="sm">
        <Title order={2} size="h4" id="import-titre">
          Déposer un document à signer
        </Title>
        <NativeSelect
          label="Nature du document"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as Kind)}
          data={KINDS.map(({ value, label }) => ({ value, label }))}
        />
        <TextInput
          label="Titre"
          description="Par exemple : PES dépenses de novembre 2026"
          value={titre}
          error={local.titre ?? a.fields.titre}
          onChange={(e) => setTitre(e.currentTarget.value)}
          required
        />
        <Group>
          <FileButton onChange={setFile} accept={KINDS.find((k) => k.value === kind)!.accept}>
            {(props) => (
              <Button {...props} variant="default">
                Choisir le fichier…
              </Button>
            )}
          </FileButton>
          <Text size="sm" c={local.file ? 'red.9' : undefined}>
            {file ? `Fichier : ${file.name}` : (local.file ?? 'Aucun fichier choisi.')}
          </Text>
        </Group>
        {ratio !== null && <Progress value={Math.round(ratio * 100)} aria-label="Envoi du fichier" />}
        <ErrorAlert>{a.error}</ErrorAlert>
        {done && (
          <Text role="status" style={{ color: 'var(--clocher-color-success)' }}>
            {done}
          </Text>
        )}
        <Group>
          <Button onClick={() => void send()} loading={a.busy}>
            Déposer dans le parapheur
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
