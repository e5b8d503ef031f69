import { Button, FileInput, Group, Modal, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';
import { uploadFile } from './files';
import { MESSAGE_KINDS, type InboundMessage } from './labels';

const FALLBACK_TYPES = [{ code: '99_AU', libelle: 'Autre document' }];

/** Answer a préfecture message (sync.repondre): réponse or pièces complémentaires, or a reasoned refusal; one PDF. */
export function RepondreModal({
  message,
  onClose,
  onDone,
}: {
  message: InboundMessage;
  onClose: () => void;
  onDone: () => void;
}) {
  const kind = MESSAGE_KINDS[message.kind];
  const modes = kind?.modes ?? [];
  const [mode, setMode] = useState<'reponse' | 'refus'>(modes[0]?.value ?? 'reponse');
  const [file, setFile] = useState<File | null>(null);
  const [typeActe, setTypeActe] = useState('99_AU');
  const a = useAction();
  const [fileError, setFileError] = useState<string | undefined>();
  const classification = useLoad(() => call('conseil.classification'));
  const types = classification.data?.typesPJ?.length ? classification.data.typesPJ : FALLBACK_TYPES;
  const type = types.some((t) => t.code === typeActe) ? typeActe : (types[0]?.code ?? '99_AU');

  const send = () => {
    if (!file) return setFileError('Choisissez le document PDF de votre réponse.');
    void a.run(async () => {
      const uploadId = await uploadFile(file);
      await call('sync.repondre', { inboundId: message.id, mode, typeActe: type, uploadId });
      onDone();
    });
  };

  return (
    <Modal opened onClose={onClose} title={`Répondre : ${kind?.label ?? 'message de la préfecture'}`} size="lg">
      <Stack gap="md">
        <Text fw={700}>{message.title}</Text>
        {kind?.note && <Text size="sm">{kind.note}</Text>}
        <ErrorAlert>{a.error}</ErrorAlert>
        {modes.length > 1 && (
          <Radio.Group label="Votre réponse" value={mode} onChange={(v) => setMode(v as 'reponse' | 'refus')}>
            <Stack gap="xs" mt="xs">
              {modes.map((m) => (
                <Radio key={m.value} value={m.value} label={m.label} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <FileInput
          label={
            mode === 'reponse' && message.kind === 'DemandePieceComplementaire'
              ? 'Pièces complémentaires (un fichier PDF)'
              : 'Lettre de réponse (fichier PDF)'
          }
          description="Un PDF signé par le maire, lisible, de moins de 150 Mo."
          placeholder="Choisir le fichier…"
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          accept="application/pdf,.pdf"
          value={file}
          onChange={(f) => {
            setFile(f);
            setFileError(undefined);
          }}
          error={fileError}
        />
        <NativeSelect
          label="Type du document"
          description="La plateforme demande le type de la pièce : choisissez celui qui décrit le mieux votre document."
          value={type}
          onChange={(e) => setTypeActe(e.currentTarget.value)}
          data={types.map((t) => ({ value: t.code, label: `${t.libelle} (${t.code})` }))}
        />
        <Text size="sm">La réponse partira à la prochaine synchronisation ; son état s’affichera sous le message.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Fermer sans répondre
          </Button>
          <Button onClick={send} loading={a.busy}>
            Envoyer la réponse
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
