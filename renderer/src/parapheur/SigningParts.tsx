/** The pieces of the open séance de signature (SigningPanel): its header, the documents, the PIN, the progress. */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  Progress as ProgressBar,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { FormEvent, RefObject } from 'react';
import type { HandlerResult } from '../bridge';
import { DARK_TITLE, type DocItem, type SessionStarted } from './types';

export type Session = NonNullable<HandlerResult<'parapheur.sessionState'>>;
export interface Current {
  done: number;
  total: number;
  titre: string | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/** Who signs with which certificate, « Terminer la séance », and the warnings about the key. */
export function SessionHeader(p: {
  session: Session;
  started: SessionStarted | null;
  busy: boolean;
  onEnd: () => void;
}) {
  const { session, started } = p;
  const cert = session.certificat;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="open-title">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4" id="open-title">
            Séance ouverte pour {session.signataire}
          </Title>
          <Text size="sm">
            Certificat de {cert.holder}
            {cert.title ? `, ${cert.title}` : ''}, émis par {cert.issuer}.
          </Text>
        </div>
        <Button size="md" variant="default" onClick={p.onEnd} disabled={p.busy}>
          Terminer la séance
        </Button>
      </Group>
      {started?.avertissement && (
        <Alert color="orange" styles={DARK_TITLE} variant="light" mt="sm" title="Certificat bientôt expiré">
          {started.avertissement}
        </Alert>
      )}
      {session.pinAChaqueSignature && (
        <Alert color="blue" styles={DARK_TITLE} variant="light" mt="sm" title="Code PIN à chaque signature">
          Cette clé demande le code PIN à chaque signature : Clocher vous le demande pour chaque document, un par un, et
          ne le garde pas.
        </Alert>
      )}
    </Paper>
  );
}

/** One checkbox per document waiting for a signature, and « Tout sélectionner ». */
export function DocumentPicker(p: {
  docs: DocItem[];
  selected: Set<number>;
  onChange: (s: Set<number>) => void;
  busy: boolean;
}) {
  const { docs, selected } = p;
  const all = docs.length > 0 && docs.every((d) => selected.has(d.id));
  const toggle = (id: number, on: boolean) => {
    const n = new Set(selected);
    if (on) n.add(id);
    else n.delete(id);
    p.onChange(n);
  };
  return (
    <Stack gap="sm">
      <Checkbox
        size="md"
        fw={700}
        label={`Tout sélectionner (${plural(docs.length, 'document')})`}
        checked={all}
        indeterminate={!all && selected.size > 0}
        onChange={(e) => p.onChange(e.currentTarget.checked ? new Set(docs.map((d) => d.id)) : new Set())}
        disabled={p.busy}
      />
      {docs.map((d) => (
        <Checkbox
          key={d.id}
          size="md"
          label={d.titre}
          description={d.etape ? `${d.etape.libelle}` : undefined}
          checked={selected.has(d.id)}
          onChange={(e) => toggle(d.id, e.currentTarget.checked)}
          disabled={p.busy}
        />
      ))}
    </Stack>
  );
}

interface PinEachProps {
  next: DocItem | null;
  remaining: number;
  pin: string;
  onPin: (pin: string) => void;
  pinError: string | null;
  pinRef: RefObject<HTMLInputElement | null>;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
}

/** A key that wants the PIN for every signature: one document at a time, its PIN each time. */
export function PinEachForm(p: PinEachProps) {
  return (
    <form onSubmit={p.onSubmit} noValidate>
      <Group align="flex-end" mt="md">
        <PasswordInput
          ref={p.pinRef}
          size="md"
          w={420}
          label={p.next ? `Code PIN pour « ${p.next.titre} »` : 'Code PIN'}
          autoComplete="off"
          value={p.pin}
          error={p.pinError}
          aria-invalid={!!p.pinError}
          disabled={!p.next || p.busy}
          onChange={(e) => p.onPin(e.currentTarget.value)}
          visibilityToggleButtonProps={{ 'aria-label': 'Afficher ou masquer le code PIN' }}
        />
        <Button type="submit" size="md" loading={p.busy} disabled={!p.next}>
          Signer ce document
        </Button>
      </Group>
      {p.remaining > 1 && (
        <Text size="sm" mt={4}>
          Encore {p.remaining} documents sélectionnés, un code PIN pour chacun.
        </Text>
      )}
    </form>
  );
}

/** « Signature de … (2 sur 5)… » and the bar fed by 'parapheur.progress'. */
export function SigningProgress({ current }: { current: Current }) {
  const pct = current.total ? Math.round((current.done / current.total) * 100) : 0;
  const text = current.titre
    ? `Signature de « ${current.titre} » (${current.done + 1} sur ${current.total})…`
    : `${plural(current.done, 'document')} ${current.done > 1 ? 'traités' : 'traité'} sur ${current.total}.`;
  return (
    <Stack gap={4} mt="md">
      <Text size="sm" aria-live="polite">
        {text}
      </Text>
      <ProgressBar size="xl" value={pct} aria-label="Avancement de la signature" />
    </Stack>
  );
}
