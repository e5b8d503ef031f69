import { Alert, List, Stack, Table, Text } from '@mantine/core';
import { formatDate } from '../lib/format';
import { DARK_TITLE, type CertCheck } from './types';

/** What the certificate says and what Clocher found, in plain words, before anyone types a PIN. */
export function CertificateCard({
  cert,
  problems,
  warning,
  matches,
}: {
  cert: Omit<CertCheck, 'problemes' | 'avertissement' | 'correspondAElu'>;
  problems: string[];
  warning: string | null;
  matches: boolean | null;
}) {
  const usage =
    [cert.keyUsage.nonRepudiation && 'non-répudiation', cert.keyUsage.digitalSignature && 'signature numérique']
      .filter(Boolean)
      .join(', ') || 'aucun usage de signature';
  const rows: [string, string][] = [
    ['Titulaire', cert.holder],
    ['Qualité', cert.title ?? '—'],
    ['Organisation', cert.organisation ?? '—'],
    ['Émis par', cert.issuer],
    ['Validité', `du ${formatDate(cert.notBefore)} au ${formatDate(cert.notAfter)}`],
    ['Usage', usage],
  ];
  return (
    <Stack gap="sm">
      <Table withRowBorders={false} verticalSpacing={4} aria-label="Certificat choisi">
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th scope="row" w={160}>
                {k}
              </Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {problems.length > 0 && (
        <Alert color="red" variant="light" role="alert" title="Ce certificat ne peut pas signer">
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {matches === false && (
        <Alert color="red" variant="light" role="alert" title="Ce n’est pas le certificat du signataire">
          Ce certificat est au nom de {cert.holder}. Chacun signe avec sa propre clé : signer avec la clé d’un autre est
          un faux en écriture publique.
        </Alert>
      )}
      {warning && (
        <Alert color="orange" styles={DARK_TITLE} variant="light" title="Certificat bientôt expiré">
          {warning}
        </Alert>
      )}
      {problems.length === 0 && matches !== false && (
        <Text fw={600} style={{ color: 'var(--clocher-color-success)' }}>
          Certificat valable{matches ? ' et au nom du signataire' : ''} : vous pouvez saisir le code PIN.
        </Text>
      )}
    </Stack>
  );
}
