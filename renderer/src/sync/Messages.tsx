import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorMessage } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { downloadDocument } from './files';
import {
  documentsOf,
  isUnrecognised,
  messageKindLabel,
  MESSAGE_KINDS,
  type InboundMessage,
  type SyncItem,
} from './labels';
import { StatusBadge } from './OutboxList';
import { RepondreModal } from './RepondreModal';

/** The documents of a message, each downloadable under its own name. */
export function Documents({ message, label, all = false }: { message: InboundMessage; label: string; all?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  // the readable documents first; the XML message is the technical copy (kept for the record)
  const docs = documentsOf(message).sort(
    (a, b) => Number(b.nom.toLowerCase().endsWith('.pdf')) - Number(a.nom.toLowerCase().endsWith('.pdf')),
  );
  if (docs.length === 0) return null;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        {docs.map((d) => {
          const pdf = d.nom.toLowerCase().endsWith('.pdf');
          return (
            <Button
              key={d.sha256 + d.nom}
              size="xs"
              variant={pdf ? 'outline' : 'subtle'}
              aria-label={`Télécharger ${d.nom} (${label})`}
              onClick={() => void downloadDocument(d).catch((e) => setError(errorMessage(e)))}
            >
              {pdf || all ? `Télécharger ${d.nom}` : `Fichier technique ${d.nom}`}
            </Button>
          );
        })}
      </Group>
      <ErrorAlert>{error}</ErrorAlert>
    </Stack>
  );
}

function MessageCard({
  m,
  items,
  canWrite,
  onAnswer,
}: {
  m: InboundMessage;
  items: SyncItem[];
  canWrite: boolean;
  onAnswer: () => void;
}) {
  const kind = MESSAGE_KINDS[m.kind];
  const acte = m.outbox_id ? items.find((i) => i.id === m.outbox_id) : undefined;
  const reply = m.reply_outbox_id ? items.find((i) => i.id === m.reply_outbox_id) : undefined;
  const titleId = `message-${m.id}-titre`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group gap="xs">
          <Badge
            color={m.kind === 'DefereTA' ? 'red.9' : isUnrecognised(m.kind) ? 'yellow.9' : 'blue.9'}
            variant="filled"
            style={{ textTransform: 'none' }}
          >
            {messageKindLabel(m.kind)}
          </Badge>
          <Text size="sm">Reçu le {formatDateTime(m.received_at)}</Text>
        </Group>
        <Title order={3} size="h5" id={titleId}>
          {m.title}
        </Title>
        <Text size="sm">
          Acte concerné : {acte ? acte.label : 'acte non retrouvé dans Clocher'}
          {m.id_acte ? ` — identifiant ${m.id_acte}` : ''}
        </Text>
        {m.detail && (
          <Text style={{ whiteSpace: 'pre-wrap' }} p="xs" bg="gray.0">
            {m.detail}
          </Text>
        )}
        {isUnrecognised(m.kind) && (
          <Alert color="yellow" variant="light" title="Message non reconnu">
            Clocher ne sait pas lire ce message de la plateforme. Rien n’est perdu : ses fichiers sont conservés
            ci-dessous, tels que reçus. Ouvrez-les, ou transmettez-les à l’assistance.
          </Alert>
        )}
        <Documents message={m} label={m.title} all={isUnrecognised(m.kind)} />
        {m.kind === 'DefereTA' && kind?.note && (
          <Alert color="red" variant="light" title="On ne répond pas à un déféré par la plateforme">
            {kind.note}
          </Alert>
        )}
        {reply && (
          <Group gap="xs">
            <Text size="sm" fw={600}>
              Votre réponse :
            </Text>
            <StatusBadge item={reply} />
          </Group>
        )}
        {!reply && m.reply_outbox_id && <Text size="sm">Votre réponse est enregistrée.</Text>}
        {!m.reply_outbox_id && kind && kind.modes.length > 0 && (
          <Group>
            {kind.note && m.kind !== 'CourrierSimple' && <Text size="sm">{kind.note}</Text>}
            {canWrite && (
              <Button size="sm" onClick={onAnswer} aria-label={`Répondre : ${m.title}`}>
                Répondre
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Messages from the préfecture (courrier simple, pièces complémentaires, observations, déféré), linked to their act. */
export function Messages({
  messages,
  items,
  canWrite,
  onChanged,
}: {
  messages: InboundMessage[];
  items: SyncItem[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const [answering, setAnswering] = useState<InboundMessage | null>(null);
  const list = messages.filter((m) => m.kind !== 'PES_Retour');
  return (
    <Stack gap="md">
      {list.length === 0 ? (
        <Text>
          Aucun message de la préfecture. Les courriers, demandes de pièces et lettres d’observations arriveront ici à
          chaque synchronisation.
        </Text>
      ) : (
        list.map((m) => (
          <MessageCard key={m.id} m={m} items={items} canWrite={canWrite} onAnswer={() => setAnswering(m)} />
        ))
      )}
      {answering && (
        <RepondreModal
          message={answering}
          onClose={() => setAnswering(null)}
          onDone={() => {
            setAnswering(null);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}
