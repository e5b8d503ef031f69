// The servers of the mairie's mailbox (IMAP to read, SMTP to send): host, port and security, the port
// following the security while the secrétaire has not typed another one; for IMAP, the folder read and how a
// message taken in is marked.
import { Fieldset, Group, Radio, Select, Stack, TextInput } from '@mantine/core';

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

export type Serveur = { hote: string; port: string; securite: Securite };
export type Marquage = 'mot_cle' | 'dossier';

/** Réception (IMAP): the server, the folder read, and where a message goes once recorded in Clocher. */
export function ReceptionFields({
  imap,
  setImap,
  dossier,
  setDossier,
  mode,
  setMode,
  rangement,
  setRangement,
  errors,
}: {
  imap: Serveur;
  setImap: (v: Serveur) => void;
  dossier: string;
  setDossier: (v: string) => void;
  mode: Marquage;
  setMode: (v: Marquage) => void;
  rangement: string;
  setRangement: (v: string) => void;
  errors: Record<string, string>;
}) {
  return (
    <Fieldset legend="Réception (IMAP)">
      <Stack gap="sm">
        <ServeurFields kind="imap" v={imap} set={setImap} errors={errors} />
        <TextInput
          label="Dossier relevé"
          description="INBOX pour la boîte de réception"
          value={dossier}
          onChange={(e) => setDossier(e.currentTarget.value)}
          error={errors.dossier}
        />
        <Radio.Group
          label="Une fois enregistré, le message est"
          value={mode}
          onChange={(v) => setMode(v as 'mot_cle' | 'dossier')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="mot_cle" label="marqué « enregistré dans Clocher » et laissé à sa place" />
            <Radio value="dossier" label="rangé dans un autre dossier" />
          </Stack>
        </Radio.Group>
        {mode === 'dossier' && (
          <TextInput
            label="Dossier où ranger les messages enregistrés"
            value={rangement}
            onChange={(e) => setRangement(e.currentTarget.value)}
            error={errors['marquage.dossier'] ?? errors.marquageDossier}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
