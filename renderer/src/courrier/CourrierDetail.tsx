import { Alert, Badge, Button, Divider, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { downloadFile } from '../lib/files';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';
import { can, type Permissions, type Role } from '../lib/status';
import { ClassifyForm, ForwardForm, PiecesForm, ReplyForm } from './Actions';
import { Pieces } from './Pieces';
import { ASSIGNE_OPTIONS, CANAL_OPTIONS, jour, label, ref, STATUT_OPTIONS } from './labels';

const DOCS = [
  { kind: 'ar', label: 'Accusé de réception (R112-5)' },
  { kind: 'aee', label: 'Accusé d’enregistrement électronique (R112-11-2)' },
  { kind: 'are', label: 'Accusé de réception électronique (R112-11-1)' },
  { kind: 'pieces', label: 'Lettre de pièces manquantes (L114-5)' },
  { kind: 'transmission', label: 'Lettre de transmission (L114-2)' },
  { kind: 'attestation', label: 'Attestation d’acceptation implicite (L232-3)' },
] as const;

/** One courrier: facts, attachments, CRPA classification and dates, documents, reply. */
export function CourrierDetail({
  id,
  perms,
  role,
  onBack,
}: {
  id: number;
  perms: Permissions;
  role: Role | null | undefined;
  onBack: () => void;
}) {
  const d = useLoad(() => call('courrier.get', { courrierId: id }), [id]);
  const a = useAction();
  const canWrite = can(perms, 'commune.write');
  if (d.error) return <ErrorAlert>{d.error}</ErrorAlert>;
  if (!d.data) return null;
  const { courrier: c, contact, pieces, decision, acks, qualification, liens, courriels } = d.data;
  const reload = () => void d.reload();
  const doc = (kind: (typeof DOCS)[number]['kind']) =>
    a
      .run(async () => downloadFile(await call('courrier.document', { courrierId: id, kind })))
      .then((ok) => ok && reload());
  return (
    <Stack>
      <Group>
        <Button variant="default" onClick={onBack}>
          ← Retour au registre
        </Button>
      </Group>
      <Title order={2} size="h3">
        Courrier {c.sens === 'arrivee' ? 'arrivée' : 'départ'} n° {ref(c)} — {c.objet}
      </Title>
      <ErrorAlert>{a.error}</ErrorAlert>
      {c.sans_accuse_motif && (
        <Alert
          role="note"
          color="orange"
          variant="light"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          title={c.sans_accuse_motif}
        >
          Ce courriel est enregistré comme les autres. Aucun accusé ne lui a été envoyé automatiquement ; vous pouvez en
          produire un ci-dessous si vous le jugez utile.
        </Alert>
      )}
      <Paper withBorder p="sm">
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{c.sens === 'arrivee' ? 'Reçu le' : 'Envoyé le'}</Table.Th>
              <Table.Td>
                {jour(c.date_enregistrement)} (courrier daté du {jour(c.date_courrier)})
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Correspondant</Table.Th>
              <Table.Td>
                {c.correspondant}
                {contact?.email ? ` — ${contact.email}` : ''}
                {contact?.adresse ? ` — ${contact.adresse}` : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Canal, nature</Table.Th>
              <Table.Td>
                {label(CANAL_OPTIONS, c.canal)}, {c.nature}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Statut</Table.Th>
              <Table.Td>
                <Badge variant="outline" color="dark">
                  {label(STATUT_OPTIONS, c.statut)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Group mt="sm" align="end">
          <Select
            label="Attribué à"
            data={ASSIGNE_OPTIONS}
            value={c.assigne}
            onChange={(v) =>
              void a
                .run(() => call('courrier.assign', { courrierId: id, assigne: (v as 'maire' | null) ?? null }))
                .then(reload)
            }
            clearable
            w={180}
          />
          <Select
            label="Changer le statut"
            data={STATUT_OPTIONS}
            value={c.statut}
            onChange={(v) =>
              v && void a.run(() => call('courrier.setStatut', { courrierId: id, statut: v as 'classe' })).then(reload)
            }
            allowDeselect={false}
            w={180}
          />
        </Group>
      </Paper>
      {c.sens === 'arrivee' && (
        <Paper withBorder p="sm">
          <Title order={3} size="h5">
            Délais (CRPA)
          </Title>
          {qualification && (
            <Text size="sm">
              {d.data.classementLabel} — {qualification.arMotif}
            </Text>
          )}
          <Text aria-live="polite" fw={600}>
            {decision.date ? `Décision implicite le ${jour(decision.date)}. ` : ''}
            {decision.explication}
          </Text>
          {acks.map((k) => (
            <Alert key={k.kind} color="orange" variant="light" mt="xs">
              {k.label} à envoyer au plus tard le {jour(k.due)} ({k.article})
            </Alert>
          ))}
        </Paper>
      )}
      {pieces.length > 0 && <Pieces pieces={pieces} />}
      {liens.length > 0 && (
        <Text size="sm">
          {liens
            .map(
              (l) =>
                `${l.type === 'reponse_a' ? (l.direction === 'depuis' ? 'Réponse : ' : 'Répond à : ') : 'Relance : '}${ref(l)} ${l.objet}`,
            )
            .join(' ; ')}
        </Text>
      )}
      {courriels.length > 0 && (
        <Stack gap={2} aria-label="Courriels de ce courrier">
          <Text size="sm" fw={600}>
            Courriels (envoyés à la synchronisation)
          </Text>
          {courriels.map((m) => (
            <Text key={m.id} size="sm">
              {m.sujet} → {m.destinataire} : {m.envoi}
            </Text>
          ))}
        </Stack>
      )}
      {c.sens === 'arrivee' && canWrite && (
        <>
          <Divider />
          <ClassifyForm d={d.data} onDone={reload} />
          <Divider />
          <Title order={3} size="h5">
            Documents
          </Title>
          <Group>
            {DOCS.map((x) => (
              <Button key={x.kind} variant="light" loading={a.busy} onClick={() => void doc(x.kind)}>
                {x.label}
              </Button>
            ))}
          </Group>
          <Divider />
          <PiecesForm d={d.data} onDone={reload} />
          <Divider />
          <ForwardForm d={d.data} onDone={reload} />
        </>
      )}
      {c.sens === 'arrivee' && (canWrite || c.assigne === role) && (
        <>
          <Divider />
          <ReplyForm d={d.data} onDone={reload} />
        </>
      )}
    </Stack>
  );
}
