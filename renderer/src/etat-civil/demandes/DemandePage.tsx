import { Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../bridge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PdfPreview } from '../../components/PdfPreview';
import { PageTitle } from '../../components/PageTitle';
import { downloadFile } from '../../lib/files';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';
import { api, asArgs, attente, decisionOf, demandeurNom, type Fichier } from './api';
import { Completer } from './Completer';
import { useAsk } from './Confirm';
import { DecisionPanel } from './DecisionPanel';
import { CANAUX, DOCUMENTS, jour, label, LIVRAISONS, QUALITES, STATUT_COLORS, STATUTS } from './labels';
import { OverrideDialog } from './OverrideDialog';
import { SaisieInline } from './SaisieInline';

const today = () => new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });
const PIECES: Record<string, string> = {
  document: 'Document délivré',
  lettre_complement: 'Lettre de demande de complément',
  lettre_refus: 'Lettre de refus',
  recepisse: 'Récépissé de la demande',
};
const OUVERTES = ['recue', 'incomplete', 'a_produire'];

/** One request: its facts, the decision before anything is produced, then what may be done with it. */
export function DemandePage({ id, onOpenActe }: { id: number; onOpenActe?: (acteId: number) => void }) {
  const { data, error, reload } = useLoad(async () => {
    const [d, status] = await Promise.all([api.get(id), call('app.status')]);
    const acte = d.acteId ? (await call('etatCivil.acte', { acteId: d.acteId })).acte : null;
    const role = status.phase === 'ready' ? status.commune?.role : null;
    return { d, acte, secretaire: role === 'secretaire' };
  }, [id]);
  const act = useAction();
  const { ask, dialog } = useAsk();
  const [override, setOverride] = useState(false);
  const [saisie, setSaisie] = useState(false);
  const [edition, setEdition] = useState(false);
  const [shown, setShown] = useState<Fichier | null>(null);
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!data) return <Loader aria-label="Chargement de la demande" />;
  const { d, acte, secretaire } = data;
  const decision = decisionOf(d);
  const ouverte = OUVERTES.includes(d.statut);
  /** A PDF from the core: shown here, and saved to print it (the CSP forbids frames: lib/files.ts). */
  const pdf = (fn: () => Promise<Fichier>) =>
    act.run(async () => {
      const f = await fn();
      setShown(f);
      downloadFile(f);
      await reload();
    });
  const write = (fn: () => Promise<unknown>) => act.run(async () => (await fn(), await reload()));
  /** Who signs: the officier himself, or the one a secrétaire without délégation chooses (R2122-10). */
  const signe = async (message: string, yes: string) => ask(message, yes, secretaire ? await api.officiers() : null);
  const doc = label(DOCUMENTS, d.document).toLowerCase();
  const leDoc = `${d.document === 'copie_integrale' ? 'la ' : 'l’'}${doc}`; // never « la extrait »
  const produce = async () => {
    const a = await signe(
      `Produire ${leDoc} en ${d.exemplaires} exemplaire${d.exemplaires > 1 ? 's' : ''} ? Une fois produite, la demande ne peut plus être modifiée.`,
      'Produire et imprimer',
    );
    if (a.ok) void pdf(() => api.produce(id, a.officier));
  };
  const refuse = async () => {
    const a = await signe(
      'Produire la lettre de refus ? La demande sera close comme refusée ; la lettre indique le motif, l’article et les voies de recours.',
      'Produire la lettre de refus',
    );
    if (a.ok) void pdf(() => api.lettre(id, 'refus', a.officier));
  };
  const remise = async () => {
    const poste = d.livraison === 'envoi_postal';
    const a = await ask(
      poste
        ? `Noter l’envoi postal du document le ${jour(today())} ?`
        : `Noter la remise du document au demandeur le ${jour(today())} ?`,
      poste ? 'Noter l’envoi' : 'Noter la remise',
    );
    if (a.ok) void write(() => api.remise(id, poste ? 'envoi' : 'remise', today()));
  };
  const waiting = attente(d);
  const acteIndexe = acte?.statut === 'indexe';
  const acteLibelle = acte ? `${acte.libelle} n° ${acte.numero} / ${acte.annee} — ${acte.titulaire}` : null;
  // only while open: the core refuses an update once produced, refused or handed over (demandes.ts, OUVERTES)
  if (edition && ouverte)
    return (
      <>
        <PageTitle>{`Demande n° ${d.reference} — ${label(DOCUMENTS, d.document)}`}</PageTitle>
        <Completer
          d={d}
          acte={acte}
          onCancel={() => setEdition(false)}
          onDone={() => (setEdition(false), setShown(null), void reload())}
        />
      </>
    );
  return (
    <>
      <PageTitle>{`Demande n° ${d.reference} — ${label(DOCUMENTS, d.document)}`}</PageTitle>
      <Group mb="sm" gap="xs">
        <Badge variant="filled" color={STATUT_COLORS[d.statut] ?? 'gray.8'}>
          {label(STATUTS, d.statut)}
        </Badge>
        {waiting && <Text size="sm">En attente : {waiting}.</Text>}
      </Group>
      <ErrorAlert>{act.error}</ErrorAlert>
      <Paper withBorder p="sm" mb="md">
        <Table aria-label="La demande">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={220}>Reçue le</Table.Th>
              <Table.Td>
                {jour(d.recueLe)} — {label(CANAUX, d.canal)}
              </Table.Td>
            </Table.Tr>
            {d.complementRecuLe && (
              <Table.Tr>
                <Table.Th>Complément reçu le</Table.Th>
                <Table.Td>{jour(d.complementRecuLe)}</Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th>Demandeur</Table.Th>
              <Table.Td>
                {demandeurNom(d)} —{' '}
                {d.demandeur.qualite ? label(QUALITES, d.demandeur.qualite) : 'qualité non précisée'}
                {d.demandeur.adresse ? ` — ${d.demandeur.adresse}` : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Acte</Table.Th>
              <Table.Td>
                {acteLibelle
                  ? `${acteLibelle}${acteIndexe ? ' (indexé, pas encore saisi)' : ''}`
                  : `Non retrouvé dans les registres (${d.objet})`}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Document</Table.Th>
              <Table.Td>
                {label(DOCUMENTS, d.document)}, {d.exemplaires} exemplaire{d.exemplaires > 1 ? 's' : ''} —{' '}
                {label(LIVRAISONS, d.livraison)}
              </Table.Td>
            </Table.Tr>
            {d.officier && (
              <Table.Tr>
                <Table.Th>Délivré par</Table.Th>
                <Table.Td>
                  {d.officier.nom}, {d.officier.qualite}
                  {d.produiteLe ? `, le ${jour(d.produiteLe)}` : ''}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <Title order={2} size="h3" mb="xs">
        Décision
      </Title>
      {decision ? (
        <DecisionPanel
          d={decision}
          busy={act.busy}
          onOffer={
            ouverte
              ? (o) =>
                  void write(() =>
                    api.update(id, {
                      ...asArgs(d),
                      document: o.document as never,
                      ...(o.livraison ? { livraison: o.livraison as never } : {}),
                    }),
                  )
              : undefined
          }
          onOverride={ouverte && d.livraison !== 'courriel' ? () => setOverride(true) : undefined}
        />
      ) : (
        <Text size="sm">Pas encore de décision.</Text>
      )}
      <Group mt="md" gap="xs">
        {ouverte && (
          <Button variant={d.statut === 'incomplete' ? 'filled' : 'default'} onClick={() => setEdition(true)}>
            Compléter / modifier la demande
          </Button>
        )}
        {d.statut === 'a_produire' && !acteIndexe && d.acteId && (
          <Button onClick={() => void produce()} loading={act.busy}>
            Produire et imprimer
          </Button>
        )}
        {d.statut === 'a_produire' && acteIndexe && !saisie && (
          <Button onClick={() => setSaisie(true)}>Saisir l’acte depuis son scan</Button>
        )}
        {decision?.issue === 'incomplete' && d.statut === 'recue' && !decision.derogation && (
          <Button onClick={() => void pdf(() => api.lettre(id, 'complement', null))} loading={act.busy}>
            Lettre de demande de complément
          </Button>
        )}
        {decision?.issue === 'refusee' && ouverte && !decision.derogation && (
          <Button color="red.9" onClick={() => void refuse()} loading={act.busy}>
            Lettre de refus
          </Button>
        )}
        {d.statut === 'produite' && (
          <Button onClick={() => void remise()} loading={act.busy}>
            {d.livraison === 'envoi_postal' ? 'Noter l’envoi postal' : 'Noter la remise au demandeur'}
          </Button>
        )}
        <Button variant="default" onClick={() => void pdf(() => api.recepisse(id))} loading={act.busy}>
          Imprimer un récépissé
        </Button>
        {d.acteId && onOpenActe && (
          <Button variant="subtle" onClick={() => onOpenActe(d.acteId!)}>
            Ouvrir l’acte
          </Button>
        )}
      </Group>
      <Text size="xs" mt={4}>
        Récépissé sur demande seulement : ces demandes n’appellent pas d’accusé de réception (CRPA, art. L112-3 et
        R112-4 2°).
      </Text>
      {saisie && d.acteId && <SaisieInline acteId={d.acteId} onDone={() => (setSaisie(false), void reload())} />}
      {shown && (
        <Paper withBorder p="sm" mt="md" component="section" aria-label="Document produit">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {shown.nom}
            </Title>
            <Button variant="light" onClick={() => downloadFile(shown)}>
              Télécharger pour imprimer
            </Button>
          </Group>
          <PdfPreview key={shown.base64.length + shown.nom} base64={shown.base64} title={shown.nom} />
        </Paper>
      )}
      <Pieces d={d} onPrint={(pieceId) => void pdf(() => api.piece(id, pieceId))} />
      <OverrideDialog
        opened={override}
        decision={decision ? `${decision.motif}` : ''}
        onCancel={() => setOverride(false)}
        onConfirm={async (motif) => (await api.override(id, motif), setOverride(false), await reload())}
      />
      {dialog}
    </>
  );
}

/** What was printed (never regenerated: printed again from the stored bytes) and the request's history. */
function Pieces({ d, onPrint }: { d: Awaited<ReturnType<typeof api.get>>; onPrint: (pieceId: number) => void }) {
  const pieces = d.pieces as { id: number; nature: string; officier: string | null; created_at: string }[];
  const historique = d.historique as { at: string; par: string | null; quoi: string }[];
  return (
    <Stack gap={4} mt="md">
      {pieces.length > 0 && (
        <Title order={2} size="h4">
          Pièces produites
        </Title>
      )}
      {pieces.map((p) => (
        <Group key={p.id} gap="xs">
          <Text size="sm">
            {PIECES[p.nature] ?? p.nature} — {formatDateTime(p.created_at)}
            {p.officier ? ` — ${p.officier}` : ''}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => onPrint(p.id)}
            aria-label={`Imprimer de nouveau : ${PIECES[p.nature] ?? p.nature}`}
          >
            Imprimer de nouveau
          </Button>
        </Group>
      ))}
      <Title order={2} size="h4" mt="sm">
        Historique
      </Title>
      {historique.map((h, i) => (
        <Text size="sm" key={i}>
          {formatDateTime(h.at)} — {h.quoi}
          {h.par ? ` (${h.par})` : ''}
        </Text>
      ))}
    </Stack>
  );
}
