import { Alert, Button, Fieldset, FileInput, Group, List, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';
import { uploadFile } from '../sync/files';

type Diagnostic = HandlerResult<'sync.testConnexion'>;

/** The connection test's answer: one line per step, in words, never a code. */
export function DiagnosticView({ d }: { d: Diagnostic }) {
  return (
    <Alert
      color={d.ok ? 'green' : 'red'}
      variant="light"
      role={d.ok ? 'status' : 'alert'}
      title={d.ok ? 'La connexion fonctionne' : 'La connexion ne fonctionne pas'}
      styles={{ title: { color: d.ok ? 'var(--clocher-color-success)' : 'var(--mantine-color-red-9)' } }}
    >
      {/* the failed step already says it (the core repeats its detail as the message): once is clearer */}
      {!d.steps.some((s) => !s.ok && s.detail === d.message) && <Text mb={d.steps.length ? 'xs' : 0}>{d.message}</Text>}
      {d.steps.length > 0 && (
        <List spacing={4} listStyleType="none" pl={0}>
          {d.steps.map((s) => (
            <List.Item key={s.label}>
              <Text span fw={700} c={s.ok ? 'var(--clocher-color-success)' : 'red.9'}>
                {s.ok ? '✓ ' : '✗ '}
                {s.label} : {s.ok ? 'réussi' : 'échec'}
              </Text>
              <Text span> — {s.detail}</Text>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** Paramètres → Plateforme: the S²LOW address, the certificate and its password, the shared-account login. Secrets are never shown back. */
export function PlateformeTab() {
  const current = useLoad(() => call('sync.plateforme'));
  if (current.error) return <ErrorAlert>{current.error}</ErrorAlert>;
  if (current.loading && !current.data) return <Loader aria-label="Chargement des réglages de la plateforme" />;
  return <PlateformeForm initial={current.data ?? null} onSaved={() => void current.reload()} />;
}

interface Values {
  url: string;
  login: string;
  password: string;
  p12: File | null;
  p12Password: string;
  caFile: File | null;
}
type Set = <K extends keyof Values>(k: K) => (v: Values[K]) => void;
const FILE_STYLES = { placeholder: { color: 'var(--mantine-color-gray-7)' } };

/** The client certificate (.p12) and its password, and the platform's own authority if support gave one. */
function CertificateFields({
  v,
  set,
  errors,
  hasCertificate,
}: {
  v: Values;
  set: Set;
  errors: Record<string, string>;
  hasCertificate: boolean;
}) {
  return (
    <Fieldset legend="Certificat de connexion">
      <Stack gap="sm">
        <Text size="sm">
          {hasCertificate
            ? 'Un certificat est installé. Choisissez un fichier seulement pour le remplacer (par exemple quand il arrive à expiration).'
            : 'Aucun certificat n’est installé. Choisissez le fichier du certificat (.p12 ou .pfx) remis par votre autorité de certification.'}
        </Text>
        <FileInput
          label={hasCertificate ? 'Nouveau fichier de certificat' : 'Fichier du certificat'}
          placeholder="Choisir le fichier…"
          styles={FILE_STYLES}
          accept=".p12,.pfx,application/x-pkcs12"
          value={v.p12}
          onChange={set('p12')}
          clearable
          clearButtonProps={{ 'aria-label': 'Retirer le fichier choisi' }}
          error={errors.certificatUploadId}
        />
        <TextInput
          type="password"
          label="Mot de passe du certificat"
          description={
            hasCertificate
              ? 'Laissez vide pour garder le mot de passe enregistré.'
              : 'Le mot de passe qui protège le fichier du certificat.'
          }
          autoComplete="new-password"
          value={v.p12Password}
          onChange={(e) => set('p12Password')(e.currentTarget.value)}
          error={errors.certificatPassword}
        />
        <FileInput
          label="Autorité de certification de la plateforme (facultatif)"
          description="Seulement si le support vous l’a fourni : une plateforme privée dont le certificat n’est pas reconnu d’office."
          placeholder="Choisir le fichier…"
          styles={FILE_STYLES}
          accept=".pem,.crt,.cer"
          value={v.caFile}
          onChange={set('caFile')}
          clearable
          clearButtonProps={{ 'aria-label': 'Retirer le fichier d’autorité choisi' }}
          error={errors.caUploadId}
        />
      </Stack>
    </Fieldset>
  );
}

/** The shared-account login and password, asked by S²LOW only when several people use one certificate. */
function AccountFields({ v, set, errors }: { v: Values; set: Set; errors: Record<string, string> }) {
  return (
    <Fieldset legend="Compte S²LOW (seulement si le certificat est partagé)">
      <Stack gap="sm">
        <Text size="sm">
          Quand plusieurs personnes utilisent le même certificat, S²LOW demande aussi l’identifiant et le mot de passe
          du compte.
        </Text>
        <TextInput
          label="Identifiant S²LOW"
          autoComplete="off"
          value={v.login}
          onChange={(e) => set('login')(e.currentTarget.value)}
          error={errors.login}
        />
        <TextInput
          type="password"
          label="Mot de passe S²LOW"
          description="Laissez vide pour garder le mot de passe enregistré."
          autoComplete="new-password"
          value={v.password}
          onChange={(e) => set('password')(e.currentTarget.value)}
          error={errors.password}
        />
      </Stack>
    </Fieldset>
  );
}

/** Uploads the chosen files, then saves; secrets left empty keep the saved ones. */
async function savePlateforme(v: Values): Promise<void> {
  const certificatUploadId = v.p12 ? await uploadFile(v.p12) : null;
  const caUploadId = v.caFile ? await uploadFile(v.caFile) : null;
  await call('sync.savePlateforme', {
    url: v.url.trim(),
    login: v.login.trim() || null,
    password: v.password || null,
    certificatUploadId,
    certificatPassword: v.p12Password || null,
    caUploadId,
  });
}

function PlateformeForm({ initial, onSaved }: { initial: HandlerResult<'sync.plateforme'>; onSaved: () => void }) {
  const [v, setV] = useState<Values>({
    url: initial?.url ?? '',
    login: initial?.login ?? '',
    password: '',
    p12: null,
    p12Password: '',
    caFile: null,
  });
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [saved, setSaved] = useState(false);
  const [diagnostic, setDiagnostic] = useState<Diagnostic | null>(null);
  const a = useAction();
  const set: Set = (k) => (value) => {
    setV((old) => ({ ...old, [k]: value }));
    setDirty(true);
    setSaved(false);
  };

  const save = () =>
    a.run(async () => {
      await savePlateforme(v);
      setV((old) => ({ ...old, password: '', p12: null, p12Password: '', caFile: null }));
      setDirty(false);
      onSaved();
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save');
    setDiagnostic(null);
    setSaved(await save());
    setBusy(null);
  };

  const test = async () => {
    setBusy('test');
    setDiagnostic(null);
    if (!dirty || (await save())) await a.run(async () => setDiagnostic(await call('sync.testConnexion')));
    setBusy(null);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md" maw={640}>
        <Text>
          Clocher transmet les délibérations à la préfecture et les flux comptables au Trésor public par la plateforme
          S²LOW. Ces réglages sont indiqués dans le courrier ou le courriel d’ouverture de votre compte S²LOW.
        </Text>
        <ErrorAlert>{summaryOf(a.error, a.fields)}</ErrorAlert>
        <TextInput
          label="Adresse de la plateforme"
          description="Elle commence par https://, par exemple https://s2low.exemple.fr"
          inputMode="url"
          autoComplete="off"
          value={v.url}
          onChange={(e) => set('url')(e.currentTarget.value)}
          error={a.fields.url}
        />
        <CertificateFields v={v} set={set} errors={a.fields} hasCertificate={initial?.certificat ?? false} />
        <AccountFields v={v} set={set} errors={a.fields} />
        <Group>
          <Button type="submit" loading={busy === 'save'} disabled={busy === 'test'}>
            Enregistrer
          </Button>
          <Button variant="outline" onClick={() => void test()} loading={busy === 'test'} disabled={busy === 'save'}>
            Tester la connexion
          </Button>
        </Group>
        {saved && (
          <Text role="status" c="var(--clocher-color-success)" fw={600}>
            Réglages de la plateforme enregistrés.
          </Text>
        )}
        {busy === 'test' && <Text role="status">Test en cours : Clocher contacte la plateforme…</Text>}
        {diagnostic && <DiagnosticView d={diagnostic} />}
      </Stack>
    </form>
  );
}
