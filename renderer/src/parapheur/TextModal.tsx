import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';

/** A short text asked before an action (refusal reason, comment); nothing typed is lost when the core refuses. */
export function TextModal(props: {
  title: string;
  label: string;
  description?: string;
  submit: string;
  min: number;
  onClose: () => void;
  onSubmit: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const a = useAction();
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (text.trim().length < props.min) {
      setLocal(
        props.min > 1 ? `${props.label} : ${props.min} caractères au moins.` : `${props.label} : champ obligatoire.`,
      );
      return;
    }
    setLocal(null);
    if (await a.run(() => props.onSubmit(text.trim()))) props.onClose();
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg">
      <form onSubmit={send} noValidate>
        <Stack>
          <ErrorAlert>{a.error}</ErrorAlert>
          <Textarea
            label={props.label}
            description={props.description}
            required
            autosize
            minRows={3}
            data-autofocus
            value={text}
            error={local ?? a.fields.motif ?? a.fields.texte}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={a.busy}>
              {props.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
