import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { useLoad } from '../lib/useLoad';
import { matiereFilter } from './matieres';
import { SCRUTIN_LABELS, type Elu, type Matiere, type Point } from './types';
import { useAction } from '../lib/useAction';
import { noSubmitOnEnter } from '../components/keyboard';

let classification: Promise<Matiere[]> | null = null;
/** The ACTES classification is read once per window. */
export const loadMatieres = (): Promise<Matiere[]> => {
  classification ??= call('conseil.classification', {})
    .then((c) => c.matieres)
    .catch((e: unknown) => {
      classification = null;
      throw e;
    });
  return classification;
};

interface Form {
  titre: string;
  rapporteur: string;
  projet: string;
  matiere: string | null;
  icpe: boolean;
  compte_administratif: boolean;
  scrutin: Point['scrutin'];
}

const fromPoint = (p: Point | null): Form => ({
  titre: p?.titre ?? '',
  rapporteur: p?.rapporteur_elu_id ? String(p.rapporteur_elu_id) : '',
  projet: p?.projet ?? '',
  matiere: p?.matiere ?? null,
  icpe: p?.icpe === 1,
  compte_administratif: p?.compte_administratif === 1,
  scrutin: p?.scrutin ?? 'main_levee',
});

/** Add (point = null) or edit an item of the ordre du jour. */
export function PointModal({
  seanceId,
  point,
  elus,
  onClose,
  onSaved,
}: {
  seanceId: number;
  point: Point | null;
  elus: Elu[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form, setForm] = useState<Form>(() => fromPoint(point));
  const matieres = useLoad(loadMatieres);
  const a = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await a.run(() =>
      call('conseil.savePoint', {
        seanceId,
        pointId: point?.id ?? null,
        point: {
          titre: form.titre,
          rapporteur_elu_id: form.rapporteur ? Number(form.rapporteur) : null,
          projet: form.projet,
          matiere: form.matiere ?? undefined,
          icpe: form.icpe,
          compte_administratif: form.compte_administratif,
          scrutin: form.scrutin,
        },
      }),
    );
    if (ok) onSaved();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={point ? `Modifier le point ${point.rang}` : 'Ajouter un point à l’ordre du jour'}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert>{summaryOf(a.error, a.fields)}</ErrorAlert>
          {matieres.error && <ErrorAlert>{matieres.error}</ErrorAlert>}
          <TextInput
            data-autofocus
            label="Objet du point"
            required
            value={form.titre}
            onChange={(e) => setForm({ ...form, titre: e.currentTarget.value })}
            error={a.fields.titre}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Rapporteur"
              value={form.rapporteur}
              onChange={(e) => setForm({ ...form, rapporteur: e.currentTarget.value })}
              error={a.fields.rapporteur_elu_id}
              data={[{ value: '', label: 'Aucun' }, ...elus.map((e) => ({ value: String(e.id), label: e.nomComplet }))]}
            />
            <NativeSelect
              label="Mode de scrutin"
              value={form.scrutin}
              onChange={(e) => setForm({ ...form, scrutin: e.currentTarget.value as Point['scrutin'] })}
              error={a.fields.scrutin}
              data={Object.entries(SCRUTIN_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </SimpleGrid>
          <Select
            label="Matière (classification ACTES)"
            description="Tapez un code ou un mot, par exemple 7.1 ou « budget ». La préfecture exige au moins deux niveaux."
            required
            searchable
            limit={60}
            nothingFoundMessage="Aucune matière ne correspond"
            filter={matiereFilter}
            selectFirstOptionOnChange
            value={form.matiere}
            onChange={(v) => setForm({ ...form, matiere: v })}
            error={a.fields.matiere}
            data={(matieres.data ?? [])
              .filter((m) => m.code.includes('.'))
              .map((m) => ({ value: m.code, label: `${m.code} — ${m.chemin}` }))}
          />
          <Textarea
            label="Projet de délibération"
            description="Le texte soumis au vote : exposé et dispositif (« Le conseil municipal, après en avoir délibéré, … »)."
            autosize
            minRows={5}
            maxRows={16}
            value={form.projet}
            onChange={(e) => setForm({ ...form, projet: e.currentTarget.value })}
            error={a.fields.projet}
          />
          <Checkbox
            label="Installation classée (ICPE) : convocation à 5 jours francs et note de synthèse (art. L2121-12 CGCT)"
            checked={form.icpe}
            onChange={(e) => setForm({ ...form, icpe: e.currentTarget.checked })}
            onKeyDown={noSubmitOnEnter}
            error={a.fields.icpe}
          />
          <Checkbox
            label="Compte administratif : le maire se retire au moment du vote, sans pouvoir (art. L2121-14 CGCT)"
            checked={form.compte_administratif}
            onChange={(e) => setForm({ ...form, compte_administratif: e.currentTarget.checked })}
            onKeyDown={noSubmitOnEnter}
            error={a.fields.compte_administratif}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={a.busy}>
              Enregistrer le point
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
