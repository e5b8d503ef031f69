import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';

type Procedure = HandlerResult<'courrier.procedures'>[number];
interface Draft {
  code: string;
  libelle: string;
  regime: 'SVA' | 'SVR';
  delai: number | string;
  unite: 'mois' | 'jours';
  article: string;
}
const EMPTY: Draft = { code: '', libelle: '', regime: 'SVR', delai: 2, unite: 'mois', article: '' };
const delai = (p: Procedure) =>
  p.delai_mois ? `${p.delai_mois} mois` : `${p.delai_jours ?? 0} jour${(p.delai_jours ?? 0) > 1 ? 's' : ''}`;
const draftOf = (p: Procedure): Draft => ({
  code: p.code,
  libelle: p.libelle,
  regime: p.regime,
  delai: p.delai_mois ?? p.delai_jours ?? 1,
  unite: p.delai_mois ? 'mois' : 'jours',
  article: p.article,
});

/**
 * The table of procedures and their silence rule (CRPA L231-1 by default; L231-4 to L231-6 for the exceptions):
 * the ones from the texts are read-only, the commune adds and edits its own. The core validates and journals.
 */
export function Procedures({ canWrite }: { canWrite: boolean }) {
  const list = useLoad(() => call('courrier.procedures', {}));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const a = useAction();
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setDraft((d) => (d ? { ...d, [k]: v } : d));
  const save = a.submit(
    () =>
      call('courrier.saveProcedure', {
        procedure: { ...draft, delai: typeof draft?.delai === 'number' ? draft.delai : Number.NaN },
      }),
    (ok) => ok && (setSaved(`Procédure « ${draft?.libelle ?? ''} » enregistrée.`), setDraft(null), void list.reload()),
  );
  return (
    <Stack>
      <Text size="sm">
        Sans procédure particulière, le silence de la mairie vaut acceptation après deux mois (CRPA L231-1). Les
        exceptions fixées par les textes sont ci-dessous ; ajoutez celles que votre commune applique, avec le texte qui
        les fixe (CRPA L231-4 à L231-6).
      </Text>
      {saved && <Text role="status">{saved}</Text>}
      <ErrorAlert>{list.error}</ErrorAlert>
      <Table striped>
        <Table.Caption>Procédures et sens du silence de l’administration</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Procédure</Table.Th>
            <Table.Th>Le silence vaut</Table.Th>
            <Table.Th>Délai</Table.Th>
            <Table.Th>Texte</Table.Th>
            <Table.Th>Origine</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((p) => (
            <Table.Tr key={p.code}>
              <Table.Td>{p.libelle}</Table.Td>
              <Table.Td>{p.regime === 'SVA' ? 'acceptation' : 'rejet'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{delai(p)}</Table.Td>
              <Table.Td>{p.article}</Table.Td>
              <Table.Td>
                {p.builtin ? (
                  'Textes (non modifiable)'
                ) : canWrite ? (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => (setSaved(null), a.clear(), setDraft(draftOf(p)))}
                    aria-label={`Modifier la procédure « ${p.libelle} »`}
                  >
                    Modifier
                  </Button>
                ) : (
                  'Commune'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canWrite && !draft && (
        <Group>
          <Button onClick={() => (setSaved(null), a.clear(), setDraft(EMPTY))}>Ajouter une procédure</Button>
        </Group>
      )}
      {draft && (
        <Paper withBorder p="sm" component="form" onSubmit={save} aria-label="Procédure de la commune">
          <Title order={3} size="h5" mb="xs">
            Procédure de la commune
          </Title>
          <ErrorAlert>{summaryOf(a.error, a.fields)}</ErrorAlert>
          <Stack gap="xs">
            <Group grow align="start">
              <TextInput
                label="Libellé"
                value={draft.libelle}
                onChange={(e) => set('libelle')(e.currentTarget.value)}
                error={a.fields.libelle}
                required
              />
              <TextInput
                label="Code"
                description="Lettres minuscules, chiffres et « _ », par exemple marche_nocturne"
                value={draft.code}
                onChange={(e) => set('code')(e.currentTarget.value)}
                error={a.fields.code}
                required
              />
            </Group>
            <Group grow align="start">
              <NativeSelect
                label="Le silence de la mairie vaut"
                data={[
                  { value: 'SVA', label: 'acceptation (SVA)' },
                  { value: 'SVR', label: 'rejet (SVR)' },
                ]}
                value={draft.regime}
                onChange={(e) => set('regime')(e.currentTarget.value as Draft['regime'])}
                error={a.fields.regime}
              />
              <NumberInput
                label="Délai"
                value={draft.delai}
                onChange={set('delai')}
                min={1}
                max={365}
                allowDecimal={false}
                error={a.fields.delai}
                required
              />
              <NativeSelect
                label="Unité du délai"
                data={[
                  { value: 'mois', label: 'mois' },
                  { value: 'jours', label: 'jours' },
                ]}
                value={draft.unite}
                onChange={(e) => set('unite')(e.currentTarget.value as Draft['unite'])}
                error={a.fields.unite}
              />
            </Group>
            <TextInput
              label="Texte qui fixe ce régime"
              description="L’article ou le décret, avec son numéro : il est cité dans les accusés de réception"
              value={draft.article}
              onChange={(e) => set('article')(e.currentTarget.value)}
              error={a.fields.article}
              required
            />
            <Group>
              <Button type="submit" loading={a.busy}>
                Enregistrer la procédure
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
