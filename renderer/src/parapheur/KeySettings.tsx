import {
  Alert,
  Button,
  FileButton,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../lib/useLoad';
import { certificateAsPem } from './files';
import { DARK_TITLE } from './types';
import { useAction } from '../lib/useAction';

const OTHER = '__autre';

/** The CN of a PEM certificate's issuer (= subject, for a root), read from its DER without a library. */
export function rootName(pem: string): string {
  try {
    const bin = atob(pem.replace(/-----[^-]+-----|\s/g, ''));
    const i = bin.indexOf('\x06\x03\x55\x04\x03');
    if (i < 0) return 'Autorité sans nom';
    const len = bin.charCodeAt(i + 6);
    return new TextDecoder().decode(Uint8Array.from(bin.slice(i + 7, i + 7 + len), (c) => c.charCodeAt(0)));
  } catch {
    return 'Certificat illisible';
  }
}

/** « Clé et certificats »: the token's middleware (PKCS#11 module), « Tester la clé », trusted roots, expiry warnings. */
export function KeySettings({ canWrite }: { canWrite: boolean }) {
  // kept above the form: saving reloads (and remounts) the form, the test result must survive it
  const [test, setTest] = useState<HandlerResult<'signing.test'> | null>(null);
  const data = useLoad(async () => {
    const [modules, settings, warnings] = await Promise.all([
      call('signing.modules'),
      call('signing.settings'),
      call('signing.expiryWarnings'),
    ]);
    return { modules, settings, warnings };
  });
  if (data.error) return <ErrorAlert>{data.error}</ErrorAlert>;
  if (!data.data) return <Loader aria-label="Chargement des paramètres de signature" />;
  return (
    <KeyForm
      key={JSON.stringify(data.data.settings)}
      {...data.data}
      canWrite={canWrite}
      onSaved={data.reload}
      test={test}
      setTest={setTest}
    />
  );
}

type TestResult = HandlerResult<'signing.test'>;
type Props = {
  modules: HandlerResult<'signing.modules'>;
  settings: HandlerResult<'signing.settings'>;
  warnings: string[];
  canWrite: boolean;
  onSaved: () => Promise<void>;
  test: TestResult | null;
  setTest: (t: TestResult | null) => void;
};

function KeyForm({ modules, settings, warnings, canWrite, onSaved, test, setTest }: Props) {
  const vendors = modules.connus.flatMap((m) =>
    (m.paths[modules.os] ?? []).map((p) => ({ path: p, label: `${m.vendor} — ${m.tokens}` })),
  );
  // the configured or installed modules that no vendor list names (OpenSC elsewhere, a test token…) are offered too
  const known = [
    ...vendors,
    ...modules.installes
      .filter((p) => !vendors.some((v) => v.path === p))
      .map((p) => ({ path: p, label: 'Pilote installé' })),
  ];
  const inList = (p: string | null) => !p || known.some((k) => k.path === p);
  const [choice, setChoice] = useState(inList(settings.modulePath) ? (settings.modulePath ?? '') : OTHER);
  const [other, setOther] = useState(inList(settings.modulePath) ? '' : (settings.modulePath ?? ''));
  const [roots, setRoots] = useState<string[]>(settings.trustedRoots);
  const [saved, setSaved] = useState(false);
  const a = useAction();
  const modulePath = choice === OTHER ? other.trim() || null : choice || null;
  // The core only ever loads the SAVED pilote (it checks the path when saving): a changed choice is saved first.
  const changed = modulePath !== settings.modulePath;

  const runTest = () =>
    a.run(async () => {
      setTest(null);
      if (changed) await call('signing.saveSettings', { modulePath, trustedRoots: roots });
      setTest(await call('signing.test'));
      if (changed) await onSaved();
    });
  const save = () =>
    a.run(async () => {
      await call('signing.saveSettings', { modulePath, trustedRoots: roots });
      setSaved(true);
      await onSaved();
    });
  const addRoot = (f: File | null) => f && void a.run(async () => setRoots([...roots, await certificateAsPem(f)]));

  return (
    <Stack>
      {warnings.map((w) => (
        <Alert key={w} color="orange" styles={DARK_TITLE} variant="light" title="Certificat bientôt expiré">
          {w}
        </Alert>
      ))}
      <Paper withBorder p="md" component="section" aria-labelledby="module-title">
        <Title order={2} size="h4" id="module-title" mb="sm">
          Pilote de la clé (module PKCS#11)
        </Title>
        <Stack gap="sm">
          <NativeSelect
            size="md"
            label="Pilote"
            description={
              modules.installes.length
                ? `Installé(s) sur cet ordinateur : ${modules.installes.join(', ')}`
                : 'Aucun pilote connu n’est installé : installez le logiciel fourni avec la clé.'
            }
            value={choice}
            disabled={!canWrite}
            onChange={(e) => setChoice(e.currentTarget.value)}
            data={[
              { value: '', label: 'Automatique (le premier pilote installé)' },
              ...known.map((k) => ({
                value: k.path,
                label: `${k.label} : ${k.path}${modules.installes.includes(k.path) ? ' (installé)' : ''}`,
              })),
              { value: OTHER, label: 'Autre chemin…' },
            ]}
          />
          {choice === OTHER && (
            <TextInput
              size="md"
              label="Chemin du module PKCS#11"
              value={other}
              disabled={!canWrite}
              onChange={(e) => setOther(e.currentTarget.value)}
            />
          )}
          <Group>
            <Button size="md" variant="default" onClick={() => void runTest()} loading={a.busy}>
              {changed && canWrite ? 'Enregistrer ce pilote et tester la clé' : 'Tester la clé'}
            </Button>
          </Group>
          {test && (
            <Alert
              color={test.ok && test.tokens.length ? 'green' : 'orange'}
              styles={DARK_TITLE}
              variant="light"
              role="status"
              title={test.ok ? 'Le pilote répond' : 'Échec du test'}
            >
              <Text size="sm">{test.message}</Text>
              {test.ok &&
                test.tokens.map((t) => (
                  <List key={t.slotId} size="sm" mt={4}>
                    {t.certificates.map((c) => (
                      <List.Item key={c.id}>
                        {c.holder} ({t.label}) : {c.problems.length ? c.problems.join(' ') : 'certificat valable'}
                      </List.Item>
                    ))}
                  </List>
                ))}
            </Alert>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="roots-title">
        <Title order={2} size="h4" id="roots-title" mb="sm">
          Autorités de certification de confiance
        </Title>
        <Text size="sm" mb="sm">
          Un certificat de signature n’est accepté que s’il provient d’une de ces autorités (fichier du certificat
          racine, au format PEM ou DER, fourni par l’autorité).
        </Text>
        {roots.length === 0 ? (
          <Text mb="sm">Aucune autorité enregistrée : aucune signature n’est possible.</Text>
        ) : (
          <List mb="sm" spacing="xs">
            {roots.map((r, i) => (
              <List.Item key={r}>
                <Group gap="sm">
                  <Text>{rootName(r)}</Text>
                  {canWrite && (
                    <Button
                      size="compact-md"
                      variant="default"
                      onClick={() => setRoots(roots.filter((_, j) => j !== i))}
                      aria-label={`Retirer l’autorité ${rootName(r)}`}
                    >
                      Retirer
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {canWrite && (
          <FileButton onChange={addRoot} accept=".pem,.crt,.cer,.der,application/x-x509-ca-cert,application/pkix-cert">
            {(props) => (
              <Button {...props} variant="default">
                Ajouter un certificat racine…
              </Button>
            )}
          </FileButton>
        )}
      </Paper>
      <ErrorAlert>{a.error}</ErrorAlert>
      {saved && !a.error && (
        <Text role="status" style={{ color: 'var(--clocher-color-success)' }}>
          Paramètres de signature enregistrés.
        </Text>
      )}
      {canWrite && (
        <Group>
          <Button size="md" onClick={() => void save()} loading={a.busy}>
            Enregistrer les paramètres de signature
          </Button>
        </Group>
      )}
    </Stack>
  );
}
