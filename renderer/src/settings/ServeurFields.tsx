// One mail server of the mairie's mailbox (IMAP to read, SMTP to send): host, port and security, the port
// following the security while the secrétaire has not typed another one.
import { Group, Select, TextInput } from '@mantine/core';

export type Securite = 'tls' | 'starttls' | 'aucune';
const SECURITES = [
  { value: 'tls', label: 'TLS (recommandé)' },
  { value: 'starttls', label: 'STARTTLS' },
  { value: 'aucune', label: 'Aucune (ce poste)' }, // the core refuses it for a distant server
];
/** The usual port of each kind of connection: changed with it while the secrétaire has not typed another one. */
const PORTS: Record<'imap' | 'smtp', Record<Securite, string>> = {
  imap: { tls: '993', starttls: '143', aucune: '143' },
  smtp: { tls: '465', starttls: '587', aucune: '25' },
};

export function ServeurFields({
  kind,
  v,
  set,
  errors,
}: {
  kind: 'imap' | 'smtp';
  v: { hote: string; port: string; securite: Securite };
  set: (v: { hote: string; port: string; securite: Securite }) => void;
  errors: Record<string, string>;
}) {
  const what = kind === 'imap' ? 'réception' : 'envoi';
  const de = kind === 'imap' ? 'de réception' : 'd’envoi';
  return (
    <Group grow align="flex-start">
      <TextInput
        label={`Serveur ${de}`}
        description={kind === 'imap' ? 'Par exemple imap.orange.fr' : 'Par exemple smtp.orange.fr'}
        autoComplete="off"
        value={v.hote}
        onChange={(e) => set({ ...v, hote: e.currentTarget.value })}
        error={errors[`${kind}.hote`]}
      />
      <TextInput
        label={`Port ${de}`}
        inputMode="numeric"
        value={v.port}
        onChange={(e) => set({ ...v, port: e.currentTarget.value })}
        error={errors[`${kind}.port`]}
      />
      <Select
        label={`Sécurité (${what})`}
        data={SECURITES}
        allowDeselect={false}
        value={v.securite}
        onChange={(s) =>
          s &&
          set({
            ...v,
            securite: s as Securite,
            port: v.port === PORTS[kind][v.securite] || !v.port ? PORTS[kind][s as Securite] : v.port,
          })
        }
        error={errors[`${kind}.securite`] ?? errors[`${kind}Securite`]}
      />
    </Group>
  );
}
