import { Alert, List, Text } from '@mantine/core';
import { api, asArgs, decisionOf, type Demande } from './api';
import { acteText, DemandeForm } from './DemandeForm';
import { fromArgs, toArgs } from './draft';
import type { ActeView } from '../types';

// notes, not alerts: read in their place; the core's refusal keeps role="alert" (ErrorAlert)
/** The form's label for what the complément letter asked (rules/delivrance.ts ChampManquant): the keyboard starts there. */
const CHAMPS: Record<string, string> = {
  nom: 'Nom de la personne',
  prenoms: 'Prénoms de la personne',
  date_naissance: 'Sa date de naissance',
  lieu_naissance: 'Son lieu de naissance',
  parent1_nom: 'Nom du premier parent',
  parent1_prenoms: 'Prénoms du premier parent',
  parent2_nom: 'Nom du second parent',
  parent2_prenoms: 'Prénoms du second parent',
  declarant_nom: 'Nom de l’auteur de la reconnaissance',
  declarant_prenoms: 'Prénoms de l’auteur de la reconnaissance',
  lien: 'Qualité du demandeur',
  majorite: 'Majeure ou émancipée ?',
  mandat_ecrit: 'Mandat écrit fourni',
  jugement_habilitation: 'Jugement d’habilitation familiale fourni',
  texte_administration: 'Texte qui autorise l’administration (cité dans sa demande)',
  qualite_client: 'Qualité du client de l’avocat',
  adresse_postale: 'Adresse postale du demandeur',
};
const NOTE = { title: { color: 'var(--mantine-color-text)' } };

/**
 * « Compléter / modifier la demande »: the answer to a complément letter arrives (or a field was mistyped) while
 * nothing is produced nor refused. The same form as at the guichet, prefilled; the core (etatCivil.demande.update)
 * checks the state again, computes the decision anew and drops an override given before (décret 2017-890 art. 27).
 */
export function Completer({
  d,
  acte,
  onDone,
  onCancel,
}: {
  d: Demande;
  acte: ActeView['acte'] | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const decision = decisionOf(d);
  const manquants = decision?.issue === 'incomplete' ? decision.manquants : [];
  const core = d.decision as { outcome: string; manquants?: { champ: string }[] } | null;
  const premier =
    core?.outcome === 'incomplete' ? core.manquants?.map((m) => CHAMPS[m.champ]).find(Boolean) : undefined;
  const notice = (
    <>
      {manquants.length > 0 && (
        <Alert role="note" color="blue" variant="light" styles={NOTE} mb="sm" title="Ce qui manquait à la demande">
          <List size="sm">
            {manquants.map((m) => (
              <List.Item key={m.label}>
                {m.label}
                {m.article ? ` (${m.article})` : ''}
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt={4}>
            Reportez la réponse reçue dans les champs ci-dessous ; la décision est calculée de nouveau à
            l’enregistrement.
          </Text>
        </Alert>
      )}
      {d.derogation && (
        <Alert
          role="note"
          color="orange"
          variant="light"
          styles={NOTE}
          mb="sm"
          title="La dérogation écrite sera retirée"
        >
          Une demande modifiée est décidée de nouveau : si la décision n’est pas favorable, il faudra écrire une
          nouvelle dérogation.
        </Alert>
      )}
    </>
  );
  return (
    <DemandeForm
      today={d.recueLe}
      edit={{
        reference: d.reference,
        draft: fromArgs(asArgs(d)),
        acte: acte ? acteText(acte) : null,
        notice,
        focus: premier,
      }}
      save={async (x) => (await api.update(d.id, toArgs(x)), d.id)}
      onSaved={onDone}
      onCancel={onCancel}
    />
  );
}
