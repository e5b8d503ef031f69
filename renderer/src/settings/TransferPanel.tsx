import { Alert, Button, FileInput, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { errorMessage } from '../lib/errors';
import { uploadFile } from '../lib/files';

/** Same minimum as the core (main/backup/transfer.ts): the core refuses a shorter one anyway. */
const MIN = 12;

/**
 * « Exporter pour un autre PC » and its import: the commune's file leaves this PC only re-encrypted under a
 * passphrase (the key of this PC never leaves it), and the other PC asks for that passphrase.
 */
export function TransferPanel({ onImported }: { onImported: () => Promise<void> }) {
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [importPass, setImportPass] = useState('');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const tooShort =
    pass.length > 0 && [...pass.trim()].length < MIN ? `Au moins ${MIN} caractères (par exemple quatre mots).` : null;
  const mismatch = confirm.length > 0 && confirm !== pass ? 'Les deux saisies sont différentes.' : null;

  const run = async (what: 'export' | 'import', action: () => Promise<string>) => {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      setDone(await action());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const exportNow = () =>
    run('export', async () => {
      const r = await call('backup.export', { passphrase: pass });
      setPass('');
      setConfirm('');
      return `Export prêt : ${r.file}. Copiez ce fichier sur la clé USB ; notez la phrase de passe à part, jamais sur la clé.`;
    });

  const importNow = () =>
    run('import', async () => {
      if (!file) throw new Error('Choisissez le fichier exporté.');
      const uploadId = await uploadFile(file);
      const r = await call('backup.import', { uploadId, passphrase: importPass });
      setImportPass('');
      setFile(null);
      await onImported();
      return `La commune ${r.nom} est importée : choisissez-la dans la liste des communes.`;
    });

  return (
    <Stack>
      <Title order={3}>Exporter pour un autre PC</Title>
      <Text>
        Pour déplacer la commune sur un autre ordinateur : choisissez une phrase de passe, Clocher prépare un fichier
        chiffré avec elle. Sans la phrase de passe, le fichier ne révèle rien.
      </Text>
      <Group align="flex-start">
        <PasswordInput
          w={300}
          label="Phrase de passe"
          autoComplete="new-password"
          value={pass}
          error={tooShort}
          onChange={(e) => setPass(e.currentTarget.value)}
        />
        <PasswordInput
          w={300}
          label="Phrase de passe (encore une fois)"
          autoComplete="new-password"
          value={confirm}
          error={mismatch}
          onChange={(e) => setConfirm(e.currentTarget.value)}
        />
      </Group>
      <Group>
        <Button
          onClick={exportNow}
          loading={busy === 'export'}
          disabled={!pass || !!tooShort || confirm !== pass || busy !== null}
        >
          Exporter pour un autre PC
        </Button>
      </Group>
      <Title order={3}>Importer une commune exportée</Title>
      <Group align="flex-end">
        <FileInput
          w={300}
          label="Fichier exporté (.clocher-export)"
          accept=".clocher-export"
          value={file}
          onChange={setFile}
          clearable
        />
        <PasswordInput
          w={300}
          label="Phrase de passe de l'export"
          autoComplete="off"
          value={importPass}
          onChange={(e) => setImportPass(e.currentTarget.value)}
        />
        <Button onClick={importNow} loading={busy === 'import'} disabled={!file || !importPass || busy !== null}>
          Importer
        </Button>
      </Group>
      <Text role="status" fw={600} c="var(--clocher-color-success)">
        {done}
      </Text>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
