import { Group, NumberInput, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { api } from './api';
import { CANAUX, label } from './labels';

const MOIS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const mois = (ym: string) => `${MOIS[Number(ym.slice(5, 7)) - 1] ?? ym} ${ym.slice(0, 4)}`;

/**
 * For the élus: requests per month received and channel, delivered, refused, still open, and the mean delay
 * from receipt to delivery. No personal data (the core's demandeStats counts only).
 */
export function Statistiques() {
  const [annee, setAnnee] = useState(() =>
    Number(new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' }).slice(0, 4)),
  );
  const { data, error } = useLoad(() => api.stats(annee), [annee]);
  const lignes = data?.lignes ?? [];
  const total = (k: 'recues' | 'delivrees' | 'refusees' | 'enCours') => lignes.reduce((n, l) => n + l[k], 0);
  return (
    <>
      <ErrorAlert>{error}</ErrorAlert>
      <Group align="flex-end" mb="sm">
        <NumberInput
          label="Année"
          min={2000}
          max={2200}
          value={annee}
          onChange={(v) => Number(v) >= 2000 && Number(v) <= 2200 && setAnnee(Number(v))}
          w={120}
        />
      </Group>
      {data && lignes.length === 0 && <Text size="sm">Aucune demande reçue en {annee}.</Text>}
      {lignes.length > 0 && (
        <Table striped aria-label={`Demandes d’actes de l’état civil en ${annee}, par mois et par canal`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mois de réception</Table.Th>
              <Table.Th>Canal</Table.Th>
              <Table.Th ta="right">Reçues</Table.Th>
              <Table.Th ta="right">Délivrées</Table.Th>
              <Table.Th ta="right">Refusées</Table.Th>
              <Table.Th ta="right">En cours</Table.Th>
              <Table.Th ta="right">Délai moyen de délivrance</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lignes.map((l) => (
              <Table.Tr key={`${l.mois}-${l.canal}`}>
                <Table.Td>{mois(l.mois)}</Table.Td>
                <Table.Td>{label(CANAUX, l.canal)}</Table.Td>
                <Table.Td ta="right">{l.recues}</Table.Td>
                <Table.Td ta="right">{l.delivrees}</Table.Td>
                <Table.Td ta="right">{l.refusees}</Table.Td>
                <Table.Td ta="right">{l.enCours}</Table.Td>
                <Table.Td ta="right">
                  {l.delaiMoyenJours === null
                    ? '—'
                    : `${formatNumber(l.delaiMoyenJours)} jour${l.delaiMoyenJours >= 2 ? 's' : ''}`}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td colSpan={2}>Total {annee}</Table.Td>
              <Table.Td ta="right">{total('recues')}</Table.Td>
              <Table.Td ta="right">{total('delivrees')}</Table.Td>
              <Table.Td ta="right">{total('refusees')}</Table.Td>
              <Table.Td ta="right">{total('enCours')}</Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
