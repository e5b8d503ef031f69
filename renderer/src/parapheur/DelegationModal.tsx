import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { ARTICLES, KIND_LABELS, SCOPE, type Article, type DocItem, type Elu } from './types';
import { useAction } from '../lib/useAction';
import { fonction as accordFonction } from '../lib/accord';
import { DateField } from '../components/DateField';

type Form = {
  article: Article;
  delegant: string;
  delegataireElu: string;
  delegataireNom: string;
  qualite: string;
  titulaire: boolean;
  objets: DocItem['kind'][];
  arreteNumero: string;
  arreteDate: string;
  debut: string;
  fin: string;
};
const empty = (maire: Elu | undefined): Form => ({
  article: 'L2122-18',
  delegant: maire ? String(maire.id) : '',
  delegataireElu: '',
  delegataireNom: '',
  qualite: '',
  titulaire: false,
  objets: [],
  arreteNumero: '',
  arreteDate: '',
  debut: '',
  fin: '',
});

/** Record an arrêté de délégation; the core checks the article, the scope and the dates, and says why in French. */
export function DelegationModal({
  elus,
  onClose,
  onSaved,
}: {
  elus: Elu[];
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const current = elus.filter((e) => !e.mandat_fin);
  const [f, setF] = useState<Form>(() => empty(current.find((e) => e.fonction === 'maire')));
  const a = useAction();
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setF((x) => ({ ...x, [k]: v }));
  const agent = ARTICLES.find((x) => x.id === f.article)!.agent;
  const err = (k: string) => a.fields[`delegation.${k}`] ?? a.fields[k];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const delegation = {
      article: f.article,
      delegantEluId: Number(f.delegant) || 0,
      ...(agent
        ? { delegataireNom: f.delegataireNom.trim() || null, titulaire: f.titulaire }
        : { delegataireEluId: Number(f.delegataireElu) || null }),
      qualite: f.qualite,
      objets: f.objets.filter((k) => SCOPE[f.article].includes(k)),
      arreteNumero: f.arreteNumero,
      arreteDate: f.arreteDate,
      debut: f.debut,
      fin: f.fin || null,
    };
    if (
      await a.run(async () => {
        await call('parapheur.saveDelegation', { delegation });
        await onSaved();
      })
    )
      onClose();
  };

  return (
    <Modal opened onClose={onClose} title="Enregistrer un arrêté de délégation" size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert>{summaryOf(a.error, a.fields)}</ErrorAlert>
          <NativeSelect
            label="Type de délégation"
            value={f.article}
            onChange={(e) => set('article', e.currentTarget.value as Article)}
            data={ARTICLES.map((x) => ({ value: x.id, label: x.label }))}
            data-autofocus
          />
          <NativeSelect
            label="Délégant (le maire)"
            value={f.delegant}
            error={err('delegantEluId')}
            onChange={(e) => set('delegant', e.currentTarget.value)}
            data={[
              { value: '', label: 'Choisissez…' },
              ...current
                .filter((e) => e.fonction === 'maire')
                .map((e) => ({ value: String(e.id), label: `${e.prenom} ${e.nom}, maire` })),
            ]}
          />
          {agent ? (
            <Group align="flex-end" grow>
              <TextInput
                label="Délégataire (agent de la commune)"
                value={f.delegataireNom}
                error={err('delegataireNom')}
                onChange={(e) => set('delegataireNom', e.currentTarget.value)}
                required
              />
              <Checkbox
                label="Fonctionnaire titulaire"
                checked={f.titulaire}
                onChange={(e) => set('titulaire', e.currentTarget.checked)}
                mb={8}
              />
            </Group>
          ) : (
            <NativeSelect
              label="Délégataire (adjoint ou conseiller municipal)"
              value={f.delegataireElu}
              error={err('delegataireEluId')}
              onChange={(e) => set('delegataireElu', e.currentTarget.value)}
              data={[
                { value: '', label: 'Choisissez…' },
                ...current
                  .filter((e) => e.fonction !== 'maire')
                  .map((e) => ({
                    value: String(e.id),
                    label: `${e.prenom} ${e.nom} (${accordFonction(e.fonction, e.civilite)})`,
                  })),
              ]}
            />
          )}
          <TextInput
            label="Qualité portée sur la signature"
            description="Par exemple : Adjoint au maire délégué aux finances"
            value={f.qualite}
            error={err('qualite')}
            onChange={(e) => set('qualite', e.currentTarget.value)}
            required
          />
          <Checkbox.Group
            label="Ce que la délégation permet de signer"
            value={f.objets}
            onChange={(v) => set('objets', v as Form['objets'])}
            error={err('objets')}
            required
          >
            <Group mt="xs">
              {SCOPE[f.article].map((k) => (
                <Checkbox key={k} value={k} label={KIND_LABELS[k]} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Numéro de l’arrêté"
              value={f.arreteNumero}
              error={err('arreteNumero')}
              onChange={(e) => set('arreteNumero', e.currentTarget.value)}
              required
            />
            <DateField
              label="Date de l’arrêté"
              value={f.arreteDate}
              error={err('arreteDate')}
              onChange={(e) => set('arreteDate', e.currentTarget.value)}
              required
            />
            <DateField
              label="Début"
              value={f.debut}
              error={err('debut')}
              onChange={(e) => set('debut', e.currentTarget.value)}
              required
            />
            <DateField
              label="Fin (facultatif)"
              description="Sinon : jusqu’à la fin du mandat du maire"
              value={f.fin}
              error={err('fin')}
              onChange={(e) => set('fin', e.currentTarget.value)}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={a.busy}>
              Enregistrer la délégation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
