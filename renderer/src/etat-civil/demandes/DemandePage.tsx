import { Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PdfPreview } from '../../components/PdfPreview';
import { PageTitle } from '../../components/PageTitle';
import { downloadFile } from '../../lib/files';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';
import { api, type Fichier } from './api';
import { useAsk } from './Confirm';
import { DecisionPanel } from './DecisionPanel';
import { CANAUX, DOCUMENTS, jour, label, LIVRAISONS, QUALITES, STATUT_COLORS, STATUTS } from './labels';
import { OverrideDialog } from './OverrideDialog';
import { SaisieInline } from './SaisieInline';

const today = () => new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });
const PIECES: Record<string, string> = { document: 'Document délivré', lettre_complement: 'Lettre de demande de complément', lettre_refus: 'Lettre de refus', recepisse: 'Récépissé de la demande' };

/** One request: its facts, the decision before anything is produced, then what may be done with it. */
export function DemandePage({ id, onOpenActe }: { id: number; onOpenActe?: (acteId: number) => void }) {
  const { data, error, reload } = useLoad(() => api.get(id), [id]);
  const act = useAction();
  const { ask, dialog } = useAsk();
  const [override, setOverride] = useState(false);
  const [saisie, setSaisie] = useState(false);
  const [shown, setShown] = useState<Fichier | null>(null);
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!data) return <Loader aria-label="Chargement de la demande" />;
  const d = data;
  /** A PDF from the core: shown here, and saved to print it (the CSP forbids frames: see lib/files.ts). */
  const pdf = (fn: () => Promise<Fichier>) => act.run(async () => {
    const f = await fn();
    setShown(f);
    downloadFile(f);
    await reload();
  });
  const write = (fn: () => Promise<unknown>) => act.run(async () => (await fn(), await reload()));
  const doc = label(DOCUMENTS, d.document).toLowerCase();
  const produce = async () => {
    const qui = d.officier ? ` Le document sera délivré par ${d.officier}.` : '';
    if (await ask(`Produire la ${doc} en ${d.exemplaires} exemplaire${d.exemplaires > 1 ? 's' : ''} ?${qui} Une fois produite, la demande ne peut plus être modifiée.`, 'Produire et imprimer')) void pdf(() => api.produce(id));
  };
  const refuse = async () => {
    if (await ask('Envoyer la lettre de refus ? La demande sera close comme refusée ; la lettre indique le motif, l’article et les voies de recours.', 'Produire la lettre de refus')) void pdf(() => api.lettreRefus(id));
  };
  const remise = async () => {
    const poste = d.livraison === 'postal';
    if (await ask(poste ? `Noter l’envoi postal du document le ${jour(today())} ?` : `Noter la remise du document au demandeur le ${jour(today())} ?`, poste ? 'Noter l’envoi' : 'Noter la remise')) void write(() => api.remise(id, today()));
  };
  const acteIndexe = d.acte && d.acte.statut === 'indexe';
  return (
    <>
      <PageTitle>{`Demande n° ${d.reference} — ${label(DOCUMENTS, d.document)}${d.acte ? ` : ${d.acte.libelle}` : ''}`}</PageTitle>
      <Group mb="sm" gap="xs">
        <Badge variant="filled" color={STATUT_COLORS[d.statut] ?? 'gray.8'}>{label(STATUTS, d.statut)}</Badge>
        {d.attente && <Text size="sm">En attente : {d.attente}</Text>}
      </Group>
      <ErrorAlert>{act.error}</ErrorAlert>
      <Paper withBorder p="sm" mb="md">
        <Table>
          <Table.Tbody>
            <Table.Tr><Table.Th w={220}>Reçue le</Table.Th><Table.Td>{jour(d.recue_le)} — {label(CANAUX, d.canal)}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th>Demandeur</Table.Th><Table.Td>{d.demandeur} — {label(QUALITES, d.qualite)}{d.adresse ? ` — ${d.adresse}` : ''}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th>Acte</Table.Th><Table.Td>{d.acte ? `${d.acte.libelle}${d.acte.statut === 'indexe' ? ' (indexé, pas encore saisi)' : ''}` : `Non trouvé dans les registres : ${d.description}`}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th>Document</Table.Th><Table.Td>{label(DOCUMENTS, d.document)}, {d.exemplaires} exemplaire{d.exemplaires > 1 ? 's' : ''} — {label(LIVRAISONS, d.livraison)}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <Title order={2} size="h3" mb="xs">Décision</Title>
      {d.decision ? (
        <DecisionPanel d={d.decision} busy={act.busy} onOffer={(document) => void write(() => api.offer(id, document))} onOverride={d.modifiable ? () => setOverride(true) : undefined} />
      ) : (
        <Text size="sm">Pas encore de décision.</Text>
      )}
      <Group mt="md" gap="xs">
        {d.peutProduire && !acteIndexe && <Button onClick={() => void produce()} loading={act.busy}>Produire et imprimer</Button>}
        {d.peutProduire && acteIndexe && <Button onClick={() => setSaisie(true)}>Saisir l’acte depuis son scan</Button>}
        {d.decision?.issue === 'incomplete' && d.modifiable && <Button onClick={() => void pdf(() => api.lettreComplement(id))} loading={act.busy}>Lettre de demande de complément</Button>}
        {d.decision?.issue === 'refusee' && !d.decision.derogation && d.modifiable && <Button color="red.9" onClick={() => void refuse()} loading={act.busy}>Lettre de refus</Button>}
        {(d.statut === 'produite') && <Button onClick={() => void remise()} loading={act.busy}>{d.livraison === 'postal' ? 'Noter l’envoi postal' : 'Noter la remise au demandeur'}</Button>}
        <Button variant="default" onClick={() => void pdf(() => api.recepisse(id))} loading={act.busy}>Imprimer un récépissé</Button>
        {d.acte && onOpenActe && <Button variant="subtle" onClick={() => onOpenActe(d.acte!.id)}>Ouvrir l’acte</Button>}
      </Group>
      <Text size="xs" mt={4}>Récépissé sur demande seulement : ces demandes n’appellent pas d’accusé de réception (CRPA, art. L112-3 et R112-4 2°).</Text>
      {saisie && d.acte && <SaisieInline acteId={d.acte.id} onDone={() => (setSaisie(false), void reload())} />}
      {shown && (
        <Paper withBorder p="sm" mt="md">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">{shown.nom}</Title>
            <Button variant="light" onClick={() => downloadFile(shown)}>Télécharger pour imprimer</Button>
          </Group>
          <PdfPreview key={shown.nom} base64={shown.base64} title={shown.nom} />
        </Paper>
      )}
      {d.pieces.length > 0 && (
        <Stack gap={4} mt="md">
          <Title order={2} size="h4">Pièces produites</Title>
          {d.pieces.map((p) => (
            <Text size="sm" key={p.id}>{PIECES[p.nature] ?? p.nature} — {p.le}{p.officier ? ` — ${p.officier}` : ''}</Text>
          ))}
        </Stack>
      )}
      <OverrideDialog opened={override} decision={d.decision ? `${d.decision.motif}${d.decision.article ? ` (${d.decision.article})` : ''}` : ''} onCancel={() => setOverride(false)} onConfirm={async (motif) => (await api.override(id, motif), setOverride(false), await reload())} />
      {dialog}
    </>
  );
}
