import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import type { ActeView } from './types';
import { DateField } from '../components/DateField';

type Personne = ActeView['personnes'][number];
const ROLES = [
  { value: 'titulaire', label: 'Titulaire' },
  { value: 'parent', label: 'Parent' },
  { value: 'conjoint', label: 'Autre époux' },
  { value: 'declarant', label: 'Déclarant' },
  { value: 'temoin', label: 'Témoin' },
  { value: 'auteur', label: 'Auteur de la reconnaissance' },
];
const FIELDS = [
  ['nom', 'Nom'],
  ['prenoms', 'Prénoms'],
  ['nom_usage', 'Nom d’usage'],
  ['sexe', 'Sexe (M ou F)'],
  ['date_naissance', 'Né(e) le (AAAA-MM-JJ)'],
  ['lieu_naissance', 'Lieu de naissance'],
  ['profession', 'Profession'],
  ['domicile', 'Domicile'],
] as const;

const blank = (role: Personne['role'], rang: number) => ({ role, rang, nom: '', prenoms: '' }) as Personne;

/** The titulaire(s) as the index names them: keying starts from what is already there. */
function fromIndex(a: ActeView['acte']): Personne[] {
  const t1 = {
    ...blank('titulaire', 1),
    nom: a.nom,
    prenoms: a.prenoms,
    nom_usage: a.nom_usage,
    sexe: a.sexe,
  } as Personne;
  return a.nom_conjoint
    ? [
        t1,
        {
          ...blank('titulaire', 2),
          nom: a.nom_conjoint,
          prenoms: a.prenoms_conjoint ?? '',
          nom_usage: a.nom_usage_conjoint,
        } as Personne,
      ]
    : [t1];
}

/** Key the act from its scan, keyboard only: Tab from field to field, Ctrl+Entrée saves. */
export function SaisieForm({ data, onSaved }: { data: ActeView; onSaved: () => void }) {
  const a0 = data.acte;
  const [acte, setActe] = useState({
    date_evenement: a0.date_evenement ?? '',
    heure_evenement: a0.heure_evenement ?? '',
    lieu_evenement: a0.lieu_evenement ?? '',
    officier: a0.officier ?? '',
    page: a0.page,
  });
  const [personnes, setPersonnes] = useState<Personne[]>(data.personnes.length ? data.personnes : fromIndex(a0));
  const act = useAction();
  const save = (terminer: boolean) =>
    act.run(async () => {
      const clean = personnes.map(({ role, rang, ...p }) => ({
        role,
        rang,
        ...Object.fromEntries(
          FIELDS.map(([k]) => [k, (p as Record<string, unknown>)[k] || (k === 'nom' || k === 'prenoms' ? '' : null)]),
        ),
      }));
      await call('etatCivil.saisir', {
        acteId: a0.id,
        acte: {
          type: a0.type,
          numero: a0.numero,
          date_acte: a0.date_acte,
          nom: a0.nom,
          prenoms: a0.prenoms,
          nom_usage: a0.nom_usage,
          nom_conjoint: a0.nom_conjoint,
          prenoms_conjoint: a0.prenoms_conjoint,
          sexe: a0.sexe,
          registre_id: a0.registre_id,
          pages: a0.pages,
          page: acte.page,
          date_evenement: acte.date_evenement || null,
          heure_evenement: acte.heure_evenement || null,
          lieu_evenement: acte.lieu_evenement || null,
          officier: acte.officier || null,
        },
        personnes: clean as never,
        terminer,
      });
      onSaved();
    });
  const setP = (i: number, k: string, v: string) =>
    setPersonnes(personnes.map((p, j) => (j === i ? { ...p, [k]: v } : p)));
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e) => (e.preventDefault(), void save(false))}
      onKeyDown={(e) => e.ctrlKey && e.key === 'Enter' && (e.preventDefault(), void save(false))}
    >
      <Title order={2} size="h3" mb="xs">
        Saisie de l’acte
      </Title>
      <Text size="xs" mb="sm">
        Tab passe au champ suivant ; Ctrl+Entrée enregistre.
      </Text>
      <ErrorAlert>{act.error}</ErrorAlert>
      <SimpleGrid cols={2} mb="sm">
        <DateField
          label="Date de l’événement"
          value={acte.date_evenement}
          onChange={(e) => setActe({ ...acte, date_evenement: e.currentTarget.value })}
        />
        <TextInput
          label="Heure (HH:MM)"
          value={acte.heure_evenement}
          onChange={(e) => setActe({ ...acte, heure_evenement: e.currentTarget.value })}
          error={act.fields.heure_evenement}
        />
        <TextInput
          label="Lieu de l’événement"
          value={acte.lieu_evenement}
          onChange={(e) => setActe({ ...acte, lieu_evenement: e.currentTarget.value })}
        />
        <TextInput
          label="Officier de l’état civil"
          value={acte.officier}
          onChange={(e) => setActe({ ...acte, officier: e.currentTarget.value })}
        />
        <NumberInput
          label="Page du registre"
          min={1}
          value={acte.page ?? ''}
          onChange={(n) => setActe({ ...acte, page: Number(n) || null })}
        />
      </SimpleGrid>
      {personnes.map((p, i) => (
        <Paper key={i} withBorder p="xs" mb="xs">
          <Group grow mb={4}>
            <Select
              label={`Personne ${i + 1} : qualité`}
              data={ROLES}
              value={p.role}
              onChange={(v) => setP(i, 'role', v ?? 'titulaire')}
              allowDeselect={false}
            />
            <NumberInput
              label={`Personne ${i + 1} : rang`}
              min={1}
              max={8}
              value={p.rang}
              onChange={(n) => setPersonnes(personnes.map((x, j) => (j === i ? { ...x, rang: Number(n) || 1 } : x)))}
            />
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            {FIELDS.map(([k, label]) => (
              <TextInput
                key={k}
                label={`${label} (personne ${i + 1})`}
                value={((p as Record<string, unknown>)[k] as string | null) ?? ''}
                onChange={(e) => setP(i, k, e.currentTarget.value)}
              />
            ))}
          </SimpleGrid>
        </Paper>
      ))}
      <Group mt="sm">
        <Button
          variant="default"
          onClick={() =>
            setPersonnes([...personnes, blank('parent', personnes.filter((p) => p.role === 'parent').length + 1)])
          }
        >
          Ajouter une personne
        </Button>
        <Button type="submit" loading={act.busy}>
          Enregistrer
        </Button>
        <Button onClick={() => void save(true)} loading={act.busy}>
          Terminer la saisie
        </Button>
      </Group>
    </Paper>
  );
}
