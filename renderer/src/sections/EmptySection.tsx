import { Paper, Text } from '@mantine/core';
import { PageTitle } from '../components/PageTitle';
import type { PageId } from '../shell/pages';

const SECTIONS: Partial<Record<PageId, { title: string; text: string[] }>> = {
  courrier: {
    title: 'Courrier',
    text: [
      'Ici viendra le registre du courrier : arrivées et départs, demandes des administrés, accusés de réception des saisines par voie électronique.',
      'Clocher y suivra aussi les délais au-delà desquels le silence de la mairie vaut décision.',
    ],
  },
  'etat-civil': {
    title: 'État civil',
    text: [
      'Ici viendront l’index des registres d’état civil (naissances, mariages, décès…), les demandes d’actes et la délivrance des copies et extraits.',
      'Clocher indiquera qui peut obtenir quel document et gardera la trace des mentions portées en marge.',
    ],
  },
  conseil: {
    title: 'Conseil municipal',
    text: [
      'Ici viendront les séances du conseil : convocations, ordre du jour, présences et pouvoirs, quorum, votes et délibérations.',
      'Clocher préparera aussi le procès-verbal, la liste des délibérations à publier et le registre.',
    ],
  },
  parapheur: {
    title: 'Parapheur',
    text: [
      'Ici viendront les documents qui attendent un visa ou une signature du maire ou d’un adjoint, avec la clé de signature électronique.',
      'Plusieurs documents pourront être signés en une seule fois.',
    ],
  },
  sync: {
    title: 'Synchronisation',
    text: [
      'Ici viendra l’état des échanges avec la préfecture (contrôle de légalité) et les autres plateformes : ce qui est parti, ce qui attend, ce qui est revenu.',
      'Clocher travaille hors ligne et envoie les actes dès que la liaison est possible, aux heures d’ouverture de la mairie.',
    ],
  },
};

/** A domain not built yet: say plainly what it will hold. No fake data. */
export function EmptySection({ page }: { page: PageId }) {
  const s = SECTIONS[page];
  if (!s) return null;
  return (
    <>
      <PageTitle>{s.title}</PageTitle>
      <Paper withBorder p="lg">
        {s.text.map((t) => (
          <Text key={t} mb="xs">
            {t}
          </Text>
        ))}
        <Text fw={600} mt="sm">
          Cette partie de Clocher arrive dans une prochaine version.
        </Text>
      </Paper>
    </>
  );
}
