import { Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';
import { CLASSEMENT_OPTIONS } from './labels';
import { DateField } from '../components/DateField';

type Detail = HandlerResult<'courrier.get'>;
const today = () => new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });

/** Classification (the silence rule and the dates follow, computed by the core). */
export function ClassifyForm({ d, onDone }: { d: Detail; onDone: () => void }) {
  const procs = useLoad(() => call('courrier.procedures', {}));
  const [classement, setClassement] = useState<string | null>(d.courrier.classement);
  const [proc, setProc] = useState<string | null>(d.courrier.procedure_code);
  const [first, setFirst] = useState(d.courrier.recu_premiere_admin ?? '');
  const [are, setAre] = useState<string | null>(null);
  const a = useAction();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Classement (CRPA)
      </Title>
      <ErrorAlert>{a.error}</ErrorAlert>
      {are && <Text role="status">Accusé de réception électronique envoyé à {are} (CRPA R112-11-1).</Text>}
      <Select
        label="Nature de la demande"
        data={CLASSEMENT_OPTIONS}
        value={classement}
        onChange={setClassement}
        error={a.fields.classement}
      />
      {classement === 'demande' && (
        <Select
          label="Procédure"
          description="Sans procédure particulière : silence vaut acceptation après deux mois (CRPA L231-1)"
          data={(procs.data ?? []).map((p) => ({
            value: p.code,
            label: `${p.libelle} — ${p.regime === 'SVA' ? 'acceptation' : 'rejet'} après ${p.delai_mois ? `${p.delai_mois} mois` : `${p.delai_jours ?? 0} jours`}`,
          }))}
          value={proc}
          onChange={setProc}
          clearable
        />
      )}
      <DateField
        label="Reçue d’abord par une autre administration le (CRPA L114-2)"
        value={first}
        onChange={(e) => setFirst(e.currentTarget.value)}
        error={a.fields.recuPremiereAdmin}
      />
      <Group>
        <Button
          loading={a.busy}
          onClick={() =>
            void a
              .run(() =>
                call('courrier.classify', {
                  courrierId: d.courrier.id,
                  qualification: {
                    classement,
                    procedureCode: classement === 'demande' ? proc : null,
                    recuPremiereAdmin: first || null,
                  },
                }).then((r) => setAre(r.areEnvoyeA)),
              )
              .then((ok) => ok && onDone())
          }
        >
          Classer
        </Button>
      </Group>
    </Stack>
  );
}

/** L114-5: the missing pieces and the deadline; later, the day they arrived. */
export function PiecesForm({ d, onDone }: { d: Detail; onDone: () => void }) {
  const [pieces, setPieces] = useState('');
  const [delai, setDelai] = useState('');
  const [recues, setRecues] = useState(today());
  const a = useAction();
  if (d.courrier.pieces_demandees_le && !d.courrier.pieces_recues_le)
    return (
      <Stack gap="xs">
        <Title order={3} size="h5">
          Pièces manquantes reçues (CRPA L114-5)
        </Title>
        <ErrorAlert>{a.error}</ErrorAlert>
        <Group align="end">
          <DateField
            label="Reçues le"
            value={recues}
            onChange={(e) => setRecues(e.currentTarget.value)}
            error={a.fields.date}
          />
          <Button
            loading={a.busy}
            onClick={() =>
              void a
                .run(() => call('courrier.piecesReceived', { courrierId: d.courrier.id, date: recues }))
                .then((ok) => ok && onDone())
            }
          >
            Enregistrer la réception des pièces
          </Button>
        </Group>
      </Stack>
    );
  if (d.courrier.pieces_demandees_le) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Dossier incomplet (CRPA L114-5)
      </Title>
      <ErrorAlert>{a.error}</ErrorAlert>
      <Textarea
        label="Pièces manquantes"
        description="Une pièce par ligne"
        value={pieces}
        onChange={(e) => setPieces(e.currentTarget.value)}
        error={a.fields.pieces}
        autosize
        minRows={2}
      />
      <Group align="end">
        <DateField
          label="Date limite pour les fournir"
          value={delai}
          onChange={(e) => setDelai(e.currentTarget.value)}
          error={a.fields.delai}
        />
        <Button
          loading={a.busy}
          onClick={() =>
            void a
              .run(() => call('courrier.requestPieces', { courrierId: d.courrier.id, demande: { pieces, delai } }))
              .then((ok) => ok && onDone())
          }
        >
          Demander les pièces
        </Button>
      </Group>
    </Stack>
  );
}

/** L114-2: not the commune's business; forwarded, and the sender told. */
export function ForwardForm({ d, onDone }: { d: Detail; onDone: () => void }) {
  const [administration, setAdministration] = useState('');
  const [adresse, setAdresse] = useState('');
  const a = useAction();
  if (d.courrier.transmis_le)
    return (
      <Text size="sm">
        Transmis le {d.courrier.transmis_le.split('-').reverse().join('/')} à {d.courrier.transmis_a} (CRPA L114-2).
      </Text>
    );
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Transmettre à l’administration compétente (CRPA L114-2)
      </Title>
      <ErrorAlert>{a.error}</ErrorAlert>
      <Group grow>
        <TextInput
          label="Administration compétente"
          value={administration}
          onChange={(e) => setAdministration(e.currentTarget.value)}
          error={a.fields.administration}
        />
        <TextInput label="Son adresse" value={adresse} onChange={(e) => setAdresse(e.currentTarget.value)} />
      </Group>
      <Group>
        <Button
          variant="light"
          loading={a.busy}
          onClick={() =>
            void a
              .run(() =>
                call('courrier.forward', {
                  courrierId: d.courrier.id,
                  transmission: { administration, adresse: adresse || null },
                }),
              )
              .then((ok) => ok && onDone())
          }
        >
          Transmettre
        </Button>
      </Group>
    </Stack>
  );
}

/** A reply from a template, to the parapheur for the maire's signature. */
export function ReplyForm({ d, onDone }: { d: Detail; onDone: () => void }) {
  const modeles = useLoad(() => call('courrier.modeles', {}));
  const [modele, setModele] = useState<string | null>('reponse');
  const [texte, setTexte] = useState('');
  const [sent, setSent] = useState(false);
  const a = useAction();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Répondre
      </Title>
      <ErrorAlert>{a.error}</ErrorAlert>
      {sent && (
        <Text role="status">Réponse déposée dans le parapheur : elle sera enregistrée au départ une fois signée.</Text>
      )}
      <Select
        label="Modèle"
        data={(modeles.data ?? []).filter((m) => !m.archiveLe).map((m) => ({ value: m.code, label: m.titre }))}
        value={modele}
        onChange={setModele}
        allowDeselect={false}
      />
      <Textarea
        label="Texte de la réponse"
        description="Inséré dans le modèle, avec l’objet, la date et le numéro du courrier"
        value={texte}
        onChange={(e) => setTexte(e.currentTarget.value)}
        error={a.fields.texte}
        autosize
        minRows={3}
      />
      <Group>
        <Button
          loading={a.busy}
          onClick={() =>
            void a
              .run(() => call('courrier.prepareReply', { courrierId: d.courrier.id, reponse: { modele, texte } }))
              .then((ok) => ok && (setSent(true), onDone()))
          }
        >
          Envoyer au parapheur pour signature
        </Button>
      </Group>
    </Stack>
  );
}
