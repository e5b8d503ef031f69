import { Alert, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { formatDateTime, formatNumber, formatSize } from '../lib/format';
import { useLoad } from '../lib/useLoad';

const LABELS: Record<string, string> = {
  clocher: 'Version de Clocher',
  node: 'Version de Node',
  electron: 'Version d’Electron',
  sqlite: 'Version de SQLite',
  systeme: 'Système',
  memoireCoeurOctets: 'Mémoire utilisée',
  dossierDonnees: 'Dossier des données',
  disqueLibreOctets: 'Espace libre sur le disque',
  installation: 'Installation',
  commune: 'Commune ouverte',
  sauvegardes: 'Sauvegardes',
  schema: 'Version du schéma',
  schemaAttendu: 'Version du schéma attendue',
  comptes: 'Comptes',
  communes: 'Communes',
  tailleOctets: 'Taille du fichier',
  lignes: 'Nombre de lignes',
  etat: 'État',
  nombre: 'Nombre',
  derniere: 'Dernière',
};

function show(key: string, v: unknown): string {
  if (v === null || v === undefined) return 'inconnu';
  if (typeof v === 'number') return key.endsWith('Octets') ? formatSize(v) : formatNumber(v);
  if (key === 'derniere') return formatDateTime(String(v));
  return String(v);
}

function Tree({ value }: { value: Record<string, unknown> }) {
  return (
    <List spacing={2} size="sm">
      {Object.entries(value).map(([k, v]) => (
        <List.Item key={k}>
          <strong>{LABELS[k] ?? k}</strong>
          {v && typeof v === 'object' ? <Tree value={v as Record<string, unknown>} /> : ` : ${show(k, v)}`}
        </List.Item>
      ))}
    </List>
  );
}

export function DiagnosticTab() {
  const d = useLoad(() => call('diagnostics.get'));
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(d.data, null, 2));
      setCopied('Copié : vous pouvez le coller dans un e-mail au support.');
    } catch {
      setCopied('La copie n’a pas fonctionné ; sélectionnez le texte à la main.');
    }
  };
  return (
    <Stack>
      <Text>
        Ces informations aident le support à comprendre un problème. Elles ne contiennent aucune donnée personnelle :
        seulement des versions, des tailles et des nombres de lignes.
      </Text>
      {d.error && (
        <Alert color="red" variant="light" role="alert">
          {d.error}
        </Alert>
      )}
      {!d.data && !d.error && <Loader aria-label="Chargement du diagnostic" />}
      {d.data && (
        <>
          <Group>
            <Button onClick={copy}>Copier</Button>
            <Text role="status" fw={600}>
              {copied}
            </Text>
          </Group>
          <Tree value={d.data as unknown as Record<string, unknown>} />
        </>
      )}
    </Stack>
  );
}
