import { Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { useConfirmation } from '../components/useConfirmation';
import { useAction } from '../lib/useAction';
import { formatDate } from '../lib/format';
import { useLoad } from '../lib/useLoad';

type Modele = HandlerResult<'courrier.modeles'>[number];
const origine = (m: Modele) =>
  m.archiveLe
    ? `Archivé le ${formatDate(m.archiveLe)} (${m.reponses} réponse${m.reponses > 1 ? 's' : ''} faite${m.reponses > 1 ? 's' : ''} avec ce modèle)`
    : m.builtin
      ? 'Fourni avec Clocher (non modifiable)'
      : 'Commune';
interface Draft {
  code: string;
  titre: string;
  corps: string;
  nouveau: boolean;
}

/**
 * Reply templates: the ones shipped with Clocher (their legal mentions, e.g. the refusal's voies de recours) are
 * read-only and can be copied; the commune writes its own. The mail-merge fields are listed, each inserted at the
 * cursor by a button; the core refuses an unknown field with the list of possible ones. A template of the commune
 * is removed after the core's confirmation: deleted if no reply used it, else archived (courrier.deleteModele).
 */
export function Modeles({ canWrite }: { canWrite: boolean }) {
  const list = useLoad(() => call('courrier.modeles', {}));
  const champs = useLoad(() => call('courrier.champsModele', {}));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const a = useAction();
  const del = useAction();
  const { confirmed, dialog } = useConfirmation();
  /** The core says what will happen (deleted, or archived because replies were made from it) and asks first. */
  const remove = (m: Modele) =>
    void del.run(async () => {
      const r = await confirmed(['confirm'], (f) =>
        call('courrier.deleteModele', { code: m.code, confirm: !!f.confirm }),
      );
      if (r.cancelled) return;
      setSaved(`Modèle « ${m.titre} » ${r.value.resultat === 'archive' ? 'archivé' : 'supprimé'}.`);
      await list.reload();
    });
  const open = (d: Draft) => (setSaved(null), a.clear(), setDraft(d));
  const save = a.submit(
    () => call('courrier.saveModele', { modele: { code: draft?.code, titre: draft?.titre, corps: draft?.corps } }),
    (ok) => ok && (setSaved(`Modèle « ${draft?.titre ?? ''} » enregistré.`), setDraft(null), void list.reload()),
  );
  /** Insert {{code}} where the cursor is, and give the focus back to the text at the end of the field inserted. */
  const insert = (code: string) => {
    const el = area.current;
    if (!draft || !el) return;
    const at = el.selectionStart ?? draft.corps.length;
    const text = `{{${code}}}`;
    setDraft({ ...draft, corps: draft.corps.slice(0, at) + text + draft.corps.slice(el.selectionEnd ?? at) });
    requestAnimationFrame(() => (el.focus(), el.setSelectionRange(at + text.length, at + text.length)));
  };
  const copy = (m: Modele): Draft => ({
    code: `${m.code}_commune`,
    titre: `${m.titre} (commune)`,
    corps: m.corps,
    nouveau: true,
  });
  return (
    <Stack>
      {saved && <Text role="status">{saved}</Text>}
      <ErrorAlert>{list.error ?? champs.error ?? del.error}</ErrorAlert>
      {dialog}
      <Table striped>
        <Table.Caption>Modèles de réponse</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Modèle</Table.Th>
            <Table.Th>Origine</Table.Th>
            <Table.Th>Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((m) => (
            <Table.Tr key={m.code}>
              <Table.Td>{m.titre}</Table.Td>
              <Table.Td>{origine(m)}</Table.Td>
              <Table.Td>
                {canWrite && !m.archiveLe && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() =>
                      open(m.builtin ? copy(m) : { code: m.code, titre: m.titre, corps: m.corps, nouveau: false })
                    }
                    aria-label={`${m.builtin ? 'Copier' : 'Modifier'} le modèle « ${m.titre} »`}
                  >
                    {m.builtin ? 'Copier' : 'Modifier'}
                  </Button>
                )}
                {canWrite && !m.builtin && !m.archiveLe && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => remove(m)}
                    aria-label={`Supprimer le modèle « ${m.titre} »`}
                  >
                    Supprimer
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canWrite && !draft && (
        <Group>
          <Button
            onClick={() =>
              open({
                code: '',
                titre: '',
                corps:
                  'Madame, Monsieur,\n\n{{texte}}\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
                nouveau: true,
              })
            }
          >
            Nouveau modèle
          </Button>
        </Group>
      )}
      {draft && (
        <Paper withBorder p="sm" component="form" onSubmit={save} aria-label="Modèle de réponse">
          <Title order={3} size="h5" mb="xs">
            {draft.nouveau ? 'Nouveau modèle de réponse' : `Modifier « ${draft.titre} »`}
          </Title>
          <ErrorAlert>{summaryOf(a.error, a.fields)}</ErrorAlert>
          <Stack gap="xs">
            <Group grow align="start">
              <TextInput
                label="Titre du modèle"
                value={draft.titre}
                onChange={(e) => setDraft({ ...draft, titre: e.currentTarget.value })}
                error={a.fields.titre}
                required
              />
              <TextInput
                label="Code"
                description="Lettres minuscules, chiffres et « _ »"
                value={draft.code}
                onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value })}
                error={a.fields.code}
                disabled={!draft.nouveau}
                required
              />
            </Group>
            <Textarea
              ref={area}
              label="Texte du modèle"
              description="Les champs entre doubles accolades sont remplis à partir du courrier reçu et de la commune"
              value={draft.corps}
              onChange={(e) => setDraft({ ...draft, corps: e.currentTarget.value })}
              error={a.fields.corps}
              autosize
              minRows={6}
              required
            />
            <Group gap="xs" role="group" aria-label="Insérer un champ">
              <Text size="sm">Insérer un champ :</Text>
              {(champs.data ?? []).map((c) => (
                <Button
                  key={c.code}
                  variant="light"
                  size="compact-sm"
                  onClick={() => insert(c.code)}
                  title={c.libelle}
                  aria-label={`Insérer le champ ${c.libelle} ({{${c.code}}})`}
                >
                  {`{{${c.code}}}`}
                </Button>
              ))}
            </Group>
            <Group>
              <Button type="submit" loading={a.busy}>
                Enregistrer le modèle
              </Button>
              <Button variant="default" onClick={() => (a.clear(), setDraft(null))}>
                Annuler
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
