import { Button, Group, NumberInput, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate, formatDateTime } from '../lib/format';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';

type Abus = HandlerResult<'courrier.abus.list'>;
type Suggestion = Abus['suggestions'][number];

/**
 * « Envois abusifs » (CRPA L112-11, last paragraph): the addresses the secrétaire marked, with her reason; their
 * courriels are still registered, but no accusé leaves by itself. The core only suggests addresses that sent the
 * same message many times in one day: nothing is marked without her decision. Readers see; the secrétaire acts.
 */
export function EnvoisAbusifs({ canWrite }: { canWrite: boolean }) {
  const list = useLoad(() => call('courrier.abus.list', {}));
  const [email, setEmail] = useState('');
  const [motif, setMotif] = useState('');
  const [seuil, setSeuil] = useState<number | string>('');
  const [done, setDone] = useState<string | null>(null);
  const motifRef = useRef<HTMLTextAreaElement>(null);
  const form = useAction();
  const act = useAction();
  const reload = () => void list.reload();
  const signaler = form.submit(
    () => call('courrier.abus.signaler', { signalement: { email, motif } }),
    (ok) => ok && (setDone(`Adresse ${email.trim().toLowerCase()} signalée.`), setEmail(''), setMotif(''), reload()),
  );
  const lever = (id: number, adresse: string) =>
    void act
      .run(() => call('courrier.abus.lever', { signalementId: id }))
      .then((ok) => ok && (setDone(`Signalement de ${adresse} levé.`), reload()));
  const seuilSaisi = () => Number(seuil === '' ? list.data?.seuil : seuil);
  const reglerSeuil = act.submit(
    () => call('courrier.abus.seuil', { seuil: seuilSaisi() }),
    (ok) => ok && (setDone(`Seuil enregistré : plus de ${seuilSaisi()} envois identiques par jour.`), reload()),
  );
  /** « Examiner » fills the form with the address and the facts; the secrétaire writes or keeps the reason. */
  const examiner = (s: Suggestion) => {
    setEmail(s.email);
    setMotif(`${s.envois} envois identiques le ${formatDate(s.jour)} (objet : ${s.objet || 'sans objet'}).`);
    requestAnimationFrame(() => motifRef.current?.focus());
  };
  if (list.error) return <ErrorAlert>{list.error}</ErrorAlert>;
  if (!list.data) return null;
  const { signalements, suggestions } = list.data;
  return (
    <Stack>
      <Text size="sm">
        Les obligations d’accuser réception d’un envoi électronique ne s’appliquent pas aux envois abusifs, notamment
        par leur nombre ou leur caractère répétitif ou systématique (code des relations entre le public et
        l’administration, art. L112-11, dernier alinéa). Les courriels d’une adresse signalée sont enregistrés comme les
        autres, mais aucun accusé ne leur est envoyé automatiquement.
      </Text>
      {done && <Text role="status">{done}</Text>}
      <ErrorAlert>{act.error}</ErrorAlert>
      <Table striped>
        <Table.Caption>Adresses signalées pour envois abusifs</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Adresse</Table.Th>
            <Table.Th>Motif</Table.Th>
            <Table.Th>Signalée</Table.Th>
            <Table.Th>État</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {signalements.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>Aucune adresse signalée.</Table.Td>
            </Table.Tr>
          )}
          {signalements.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.email}</Table.Td>
              <Table.Td>{s.motif}</Table.Td>
              <Table.Td>
                {formatDateTime(s.signale_le)} par {s.signale_par}
              </Table.Td>
              <Table.Td>
                {s.leve_le ? (
                  `Levé le ${formatDateTime(s.leve_le)} par ${s.leve_par ?? '?'}`
                ) : canWrite ? (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    loading={act.busy}
                    onClick={() => lever(s.id, s.email)}
                    aria-label={`Lever le signalement de ${s.email}`}
                  >
                    Lever le signalement
                  </Button>
                ) : (
                  'En vigueur'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={3} size="h5">
        Adresses à examiner
      </Title>
      <Text size="sm">
        Plus de {list.data.seuil} envois identiques (même objet, même texte) d’une même adresse en un jour, sur les sept
        derniers jours. Ce n’est qu’une proposition : rien n’est bloqué sans votre décision.
      </Text>
      {suggestions.length === 0 ? (
        <Text size="sm">Aucune adresse à examiner.</Text>
      ) : (
        <Table striped aria-label="Adresses à examiner">
          <Table.Tbody>
            {suggestions.map((s) => (
              <Table.Tr key={`${s.email}-${s.jour}-${s.objet}`}>
                <Table.Td>{s.email}</Table.Td>
                <Table.Td>
                  {s.envois} envois le {formatDate(s.jour)} — {s.objet || 'sans objet'}
                </Table.Td>
                <Table.Td>
                  {canWrite && (
                    <Button
                      variant="light"
                      size="compact-sm"
                      onClick={() => examiner(s)}
                      aria-label={`Signaler ${s.email}…`}
                    >
                      Signaler…
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {canWrite && (
        <Paper withBorder p="sm" component="form" onSubmit={signaler} aria-label="Signaler une adresse">
          <Title order={3} size="h5" mb="xs">
            Signaler une adresse
          </Title>
          <ErrorAlert>{form.error}</ErrorAlert>
          <Stack gap="xs">
            <TextInput
              label="Adresse électronique"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={form.fields.email}
              required
            />
            <Textarea
              ref={motifRef}
              label="Motif"
              description="Pourquoi ces envois sont abusifs (nombre, répétition, caractère systématique) : il est gardé et journalisé"
              value={motif}
              onChange={(e) => setMotif(e.currentTarget.value)}
              error={form.fields.motif}
              autosize
              minRows={2}
              required
            />
            <Group>
              <Button type="submit" loading={form.busy}>
                Signaler pour envois abusifs
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {canWrite && (
        <Group component="form" onSubmit={reglerSeuil} align="flex-end" aria-label="Seuil de proposition">
          <NumberInput
            label="Proposer une adresse au-delà de (envois identiques par jour)"
            description={`Par défaut ${list.data.seuilDefaut} : renvoyer deux ou trois fois un message resté sans réponse est courant ; au-delà, l’envoi semble automatique.`}
            min={2}
            max={50}
            value={seuil === '' ? list.data.seuil : seuil}
            onChange={setSeuil}
            error={act.fields.seuil}
            w={420}
          />
          <Button type="submit" variant="default" loading={act.busy}>
            Enregistrer le seuil
          </Button>
        </Group>
      )}
    </Stack>
  );
}
