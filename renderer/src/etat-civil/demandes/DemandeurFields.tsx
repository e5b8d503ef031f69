// « Le demandeur » block of the demande form: who asks, under which quality, with the pieces that quality needs
// (décret n° 2017-890, art. 30).
import { Checkbox, Group, NativeSelect, SimpleGrid, Textarea, TextInput, Title } from '@mantine/core';
import { QUALITES } from './labels';
import type { DraftBinding } from './binding';

const AVEC_PREUVES = [
  'personne_elle_meme',
  'mandataire',
  'habilitation_familiale',
  'administration',
  'avocat',
  'genealogiste',
];

export function DemandeurFields({ b }: { b: DraftBinding }) {
  const { d, f, set } = b;
  return (
    <>
      <Title order={3} size="h4" mt="md" mb="xs">
        Le demandeur
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
        <NativeSelect
          label="Civilité"
          data={[
            { value: '', label: '—' },
            { value: 'Mme', label: 'Mme' },
            { value: 'M.', label: 'M.' },
          ]}
          value={d.civilite}
          onChange={set('civilite')}
        />
        <TextInput label="Nom du demandeur" value={d.nom} onChange={set('nom')} error={f.nom} />
        <TextInput label="Prénoms du demandeur" value={d.prenoms} onChange={set('prenoms')} error={f.prenoms} />
        <NativeSelect
          label="Qualité du demandeur"
          data={[{ value: '', label: 'Non précisée dans la demande' }, ...QUALITES]}
          value={d.qualite}
          onChange={set('qualite')}
          error={f.qualite}
        />
      </SimpleGrid>
      <Textarea
        mt="xs"
        label="Adresse postale du demandeur"
        autosize
        minRows={2}
        value={d.adresse}
        onChange={set('adresse')}
        error={f.adresse}
      />
      {AVEC_PREUVES.includes(d.qualite) && <PiecesFields b={b} />}
    </>
  );
}

/** What the requester's quality needs to make a right: majority, a mandate, a ruling, a text, authorisations (art. 30). */
function PiecesFields({ b: { d, f, set, check } }: { b: DraftBinding }) {
  return (
    <Group mt="xs" align="flex-end">
      {d.qualite === 'personne_elle_meme' && (
        <NativeSelect
          label="Majeure ou émancipée ?"
          data={[
            { value: '', label: 'Selon la date de naissance' },
            { value: 'oui', label: 'Oui' },
            { value: 'non', label: 'Non (mineure)' },
          ]}
          value={d.majeur}
          onChange={set('majeur')}
        />
      )}
      {d.qualite === 'mandataire' && (
        <Checkbox label="Mandat écrit fourni" checked={d.mandatEcrit} onChange={check('mandatEcrit')} />
      )}
      {d.qualite === 'habilitation_familiale' && (
        <Checkbox
          label="Jugement d’habilitation familiale fourni"
          checked={d.jugementHabilitation}
          onChange={check('jugementHabilitation')}
        />
      )}
      {d.qualite === 'administration' && (
        <TextInput
          style={{ flex: 1 }}
          label="Texte qui autorise l’administration (cité dans sa demande)"
          value={d.texteInvoque}
          onChange={set('texteInvoque')}
          error={f.texteInvoque}
        />
      )}
      {d.qualite === 'avocat' && (
        <NativeSelect
          label="Qualité du client de l’avocat"
          data={[{ value: '', label: 'Non précisée' }, ...QUALITES.filter((o) => o.value !== 'avocat')]}
          value={d.clientQualite}
          onChange={set('clientQualite')}
        />
      )}
      {d.qualite === 'genealogiste' && (
        <Checkbox
          label="Autorisation de consultation des archives fournie"
          checked={d.autorisationArchives}
          onChange={check('autorisationArchives')}
        />
      )}
      {d.qualite === 'genealogiste' && (
        <Checkbox
          label="Mandat d’un notaire ou d’un ayant droit fourni"
          checked={d.mandatGenealogiste}
          onChange={check('mandatGenealogiste')}
        />
      )}
    </Group>
  );
}
