import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import type { DecisionView, Offre } from './decision';

const TITLES = {
  accordee: 'Délivrance possible',
  incomplete: 'Demande incomplète',
  refusee: 'Délivrance refusée',
} as const;
const COLORS = { accordee: 'teal', incomplete: 'orange', refusee: 'red' } as const;
/** Light alerts' titles in the text colour: the tinted ones fail WCAG contrast (as parapheur/types.ts DARK_TITLE). */
const DARK_TITLE = { title: { color: 'var(--mantine-color-text)', fontSize: 'var(--mantine-font-size-md)' } };

/**
 * The decision, shown before anything is produced (issue 12): its reason and article as the core's rule wrote
 * them, what is missing, what may be offered instead (one click), and the notes (a request by e-mail…). Nothing here
 * decides: the window only shows what decideDelivrance returned, and the core checks it again at production.
 */
export function DecisionPanel({
  d,
  busy,
  onOffer,
  onOverride,
}: {
  d: DecisionView;
  busy?: boolean;
  onOffer?: (o: Offre) => void;
  onOverride?: () => void;
}) {
  // a closed request (refusal letter sent, produced) offers nothing: no button that would do nothing
  const offres = onOffer ? d.proposer : [];
  return (
    <Stack gap="xs" aria-live="polite">
      <Alert color={COLORS[d.issue]} styles={DARK_TITLE} variant="light" title={TITLES[d.issue]} data-testid="decision">
        <Stack gap={6}>
          <Text size="sm">{d.motif}</Text>
          {d.article && (
            <Text size="sm" fw={600}>
              Fondement : {d.article}
            </Text>
          )}
          {d.issue === 'accordee' && d.simpleRenseignement && (
            <Text size="sm">
              Copie non certifiée, délivrée à titre de simple renseignement (sans date ni signature).
            </Text>
          )}
          {d.aConfirmer && (
            <Group gap="xs" wrap="nowrap" align="baseline">
              <Badge color="orange.9" variant="filled">
                À confirmer
              </Badge>
              <Text size="sm">{d.aConfirmer}</Text>
            </Group>
          )}
          {d.manquants.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                À demander au demandeur :
              </Text>
              <List size="sm" spacing={2}>
                {d.manquants.map((m) => (
                  <List.Item key={m.label}>
                    {m.label}
                    {m.article ? ` (${m.article})` : ''}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {d.recours && <Text size="sm">Voies de recours : {d.recours}</Text>}
          {d.derogation && (
            <Text size="sm" fw={600}>
              Délivrance autorisée malgré la décision par {d.derogation.par} le {d.derogation.le} : «{' '}
              {d.derogation.motif} »
            </Text>
          )}
        </Stack>
      </Alert>
      {d.avertissements.map((a) => (
        <Alert key={a} color="blue" styles={DARK_TITLE} variant="light" title="À savoir">
          <Text size="sm">{a}</Text>
        </Alert>
      ))}
      {(offres.length > 0 || (d.issue !== 'accordee' && !d.derogation && onOverride)) && (
        <Group gap="xs">
          {offres.map((p) => (
            <Button key={p.label} loading={busy} title={p.texte} onClick={() => onOffer!(p)}>
              {p.label}
            </Button>
          ))}
          {d.issue !== 'accordee' && !d.derogation && onOverride && (
            <Button variant="default" onClick={onOverride}>
              Passer outre…
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
