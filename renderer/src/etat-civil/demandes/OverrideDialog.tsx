import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../lib/useAction';

/** The core's own minimum is the rule; this one only spares a round trip for an obviously empty reason. */
export const MOTIF_MIN = 15;

/**
 * Passing over the decision (issue 12): only with a written reason, journaled by the core, and only after a
 * second, explicit confirmation. The dialog opens on « Annuler » so that Enter on a stray key press never
 * authorises a delivery the rules refused.
 */
export function OverrideDialog({
  opened,
  decision,
  onCancel,
  onConfirm,
}: {
  opened: boolean;
  decision: string;
  onCancel: () => void;
  onConfirm: (motif: string) => Promise<unknown>;
}) {
  const [motif, setMotif] = useState('');
  const [sure, setSure] = useState(false);
  const [tried, setTried] = useState(false);
  const act = useAction();
  const short = motif.trim().length < MOTIF_MIN;
  const close = () => (setMotif(''), setSure(false), setTried(false), act.clear(), onCancel());
  const submit = () => {
    setTried(true);
    if (short || !sure) return;
    void act.run(() => onConfirm(motif.trim())).then((ok) => ok && (setMotif(''), setSure(false), setTried(false)));
  };
  return (
    <Modal opened={opened} onClose={close} title="Passer outre la décision" size="lg">
      <Stack>
        <Text size="sm">Décision calculée : {decision}</Text>
        <Text size="sm">
          Vous pouvez autoriser la délivrance malgré cette décision, sous votre responsabilité. La dérogation est
          inscrite au journal avec votre nom, la date et l’heure, et son motif dans l’historique de la demande, qui ne
          s’efface pas.
        </Text>
        <ErrorAlert>{act.error}</ErrorAlert>
        <Textarea
          label="Motif écrit de la dérogation"
          description={`Au moins ${MOTIF_MIN} caractères : par exemple la pièce vue au guichet qui justifie la délivrance.`}
          required
          autosize
          minRows={3}
          value={motif}
          onChange={(e) => setMotif(e.currentTarget.value)}
          error={
            tried && short
              ? `Motif : écrivez au moins ${MOTIF_MIN} caractères (${motif.trim().length} pour l’instant).`
              : act.fields.motif
          }
        />
        <Checkbox
          label="Je confirme autoriser cette délivrance malgré la décision calculée."
          checked={sure}
          onChange={(e) => setSure(e.currentTarget.checked)}
          error={tried && !sure ? 'Cochez cette case pour confirmer.' : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            Annuler
          </Button>
          <Button color="red.9" loading={act.busy} onClick={submit}>
            Autoriser malgré la décision
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
