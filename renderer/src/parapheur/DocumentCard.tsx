import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { PdfPreview } from '../components/PdfPreview';
import { formatDateTime } from '../lib/format';
import { download } from './files';
import { TextModal } from './TextModal';
import { STATUT_COLOR, STATUTS, STEP_STATUT, sourceOf, type DocDetail, type DocItem, type Elu } from './types';
import { useAction } from '../lib/useAction';

const nameOf = (elus: Elu[], id: number | null) => {
  const e = elus.find((x) => x.id === id);
  return e ? `${e.prenom} ${e.nom}` : null;
};

/** One document of the queue: its source, its circuit, its comments and what the user may do with it. */
export function DocumentCard({
  doc,
  elus,
  canWrite,
  canSign,
  reload,
  onSeance,
}: {
  doc: DocItem;
  elus: Elu[];
  canWrite: boolean;
  canSign: boolean;
  reload: () => Promise<void>;
  onSeance: () => void;
}) {
  const [detail, setDetail] = useState<DocDetail | null>(null);
  const [modal, setModal] = useState<'refus' | 'commentaire' | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const a = useAction();
  const titleId = `doc-${doc.id}-titre`;
  const act = (fn: () => Promise<unknown>) =>
    a.run(async () => {
      await fn();
      await reload();
    });
  const toggleDetail = () =>
    detail ? setDetail(null) : void a.run(async () => setDetail(await call('parapheur.get', { documentId: doc.id })));
  const refreshDetail = async () => {
    if (detail) setDetail(await call('parapheur.get', { documentId: doc.id }));
    await reload();
  };
  const statut = STATUTS.find((s) => s.id === doc.statut)!;
  const pending = doc.statut === 'a_viser' || doc.statut === 'a_signer';
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={titleId}>
            {doc.titre}
          </Title>
          <Badge variant="filled" color={STATUT_COLOR[doc.statut]} size="lg" style={{ flexShrink: 0 }}>
            {statut.label.replace(/s$/, '')}
          </Badge>
        </Group>
        <Text size="sm">
          {sourceOf(doc)} · déposé le {formatDateTime(doc.created_at)}
        </Text>
        {detail ? (
          <Circuit detail={detail} elus={elus} />
        ) : (
          doc.etape && (
            <Text size="sm">
              Étape en cours : {doc.etape.libelle}
              {nameOf(elus, doc.etape.elu_id) ? ` (${nameOf(elus, doc.etape.elu_id)})` : ''}
            </Text>
          )
        )}
        {doc.refus_motif && (
          <Text size="sm" c="red.9">
            Refusé : {doc.refus_motif}
          </Text>
        )}
        {!detail && doc.commentaires > 0 && (
          <Text size="sm">
            {doc.commentaires} commentaire{doc.commentaires > 1 ? 's' : ''}
          </Text>
        )}
        <ErrorAlert>{a.error}</ErrorAlert>
        <Group gap="xs">
          {canWrite && doc.statut === 'a_viser' && (
            <Button
              loading={a.busy}
              onClick={() => void act(() => call('parapheur.viser', { documentId: doc.id }))}
              aria-label={`Viser « ${doc.titre} »`}
            >
              Viser
            </Button>
          )}
          {canSign && doc.statut === 'a_signer' && (
            <Button onClick={onSeance} aria-label={`Signer « ${doc.titre} » en séance de signature`}>
              Signer…
            </Button>
          )}
          {canWrite && doc.statut === 'refuse' && (
            <Button
              loading={a.busy}
              onClick={() => void act(() => call('parapheur.resoumettre', { documentId: doc.id }))}
              aria-label={`Resoumettre « ${doc.titre} »`}
            >
              Resoumettre
            </Button>
          )}
          <Button
            variant="default"
            onClick={() =>
              void a.run(async () =>
                download(await call('parapheur.file', { documentId: doc.id, version: 'courante' })),
              )
            }
            aria-label={`Télécharger « ${doc.titre} »`}
          >
            Télécharger
          </Button>
          {doc.mime === 'application/pdf' && (
            <Button
              variant="default"
              aria-expanded={!!preview}
              onClick={() =>
                void a.run(async () =>
                  setPreview(
                    preview ? null : (await call('parapheur.file', { documentId: doc.id, version: 'courante' })).base64,
                  ),
                )
              }
              aria-label={`${preview ? 'Masquer' : 'Afficher'} l’aperçu de « ${doc.titre} »`}
            >
              {preview ? 'Masquer l’aperçu' : 'Aperçu'}
            </Button>
          )}
          <Button
            variant="default"
            onClick={toggleDetail}
            aria-expanded={!!detail}
            aria-label={`${detail ? 'Masquer' : 'Afficher'} le circuit et les commentaires de « ${doc.titre} »`}
          >
            {detail ? 'Masquer le détail' : 'Détail'}
          </Button>
          {canSign && (
            <Button variant="default" onClick={() => setModal('commentaire')} aria-label={`Commenter « ${doc.titre} »`}>
              Commenter
            </Button>
          )}
          {canSign && pending && doc.peutRefuser && (
            <Button
              variant="outline"
              color="red.9"
              onClick={() => setModal('refus')}
              aria-label={`Refuser « ${doc.titre} »`}
            >
              Refuser
            </Button>
          )}
        </Group>
        {preview && <PdfPreview base64={preview} title={doc.titre} />}
      </Stack>
      {modal === 'refus' && (
        <TextModal
          title={`Refuser « ${doc.titre} »`}
          label="Motif du refus"
          description="Le document revient au secrétariat avec ce motif ; les signatures déjà faites restent."
          submit="Refuser le document"
          min={3}
          onClose={() => setModal(null)}
          onSubmit={async (motif) => {
            await call('parapheur.refuser', { documentId: doc.id, motif });
            await refreshDetail();
          }}
        />
      )}
      {modal === 'commentaire' && (
        <TextModal
          title={`Commenter « ${doc.titre} »`}
          label="Commentaire"
          submit="Ajouter le commentaire"
          min={1}
          onClose={() => setModal(null)}
          onSubmit={async (texte) => {
            await call('parapheur.commenter', { documentId: doc.id, texte });
            await refreshDetail();
          }}
        />
      )}
    </Paper>
  );
}

/** The circuit step by step, the signatures already on the document, and the comments. */
function Circuit({ detail, elus }: { detail: DocDetail; elus: Elu[] }) {
  const sigs = detail.signatures as {
    id: number;
    signataire: string;
    qualite: string;
    format: string;
    fondement: string;
    signed_at: string;
  }[];
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>
        Circuit
      </Text>
      <List type="ordered" size="sm" spacing={2}>
        {detail.circuit.map((s) => {
          const who = nameOf(elus, s.elu_id);
          return (
            <List.Item key={s.id}>
              {s.libelle}
              {who ? ` (${who})` : ''} : <strong>{STEP_STATUT[s.statut]}</strong>
              {s.fait_par ? ` par ${s.fait_par} le ${formatDateTime(s.fait_le)}` : ''}
            </List.Item>
          );
        })}
      </List>
      <Text size="sm">
        Format : {detail.document.mime === 'application/pdf' ? 'PDF' : 'XML (PES V2)'} ·{' '}
        {sigs.length
          ? `${sigs.length} signature${sigs.length > 1 ? 's' : ''} déjà apposée${sigs.length > 1 ? 's' : ''}`
          : 'aucune signature pour l’instant'}
      </Text>
      {sigs.length > 0 && (
        <List size="sm" spacing={2}>
          {sigs.map((s) => (
            <List.Item key={s.id}>
              {s.signataire} ({s.qualite}), {s.format}, le {formatDateTime(s.signed_at)} — fondement :{' '}
              {s.fondement === 'maire' ? 'maire' : `art. ${s.fondement} CGCT`}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm" fw={700}>
        Commentaires
      </Text>
      {detail.commentaires.length === 0 ? (
        <Text size="sm">Aucun commentaire.</Text>
      ) : (
        <List size="sm" spacing={2}>
          {detail.commentaires.map((c) => (
            <List.Item key={c.id}>
              {c.refus ? 'Refus' : 'Commentaire'} de {c.auteur}, le {formatDateTime(c.at)} : {c.texte}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
