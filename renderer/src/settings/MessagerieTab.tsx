import { Button, Fieldset, FileInput, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { HandlerArgs } from '../../../main/api/types';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { uploadFile } from '../lib/files';
import { errorMessage, fieldErrors, focusFirstInvalid } from '../lib/errors';
import { useLoad } from '../lib/useLoad';
import { DiagnosticView } from './PlateformeTab';
import { ReceptionFields, ServeurFields, type Marquage, type Securite } from './ServeurFields';

type Args = HandlerArgs<'messagerie.save'>;

/** Paramètres → Messagerie: the mairie's mailbox, read at each synchronisation and used to send acknowledgements. */
export function MessagerieTab() {
  const current = useLoad(() => call('messagerie.get'));
  if (current.error) return <ErrorAlert>{current.error}</ErrorAlert>;
  if (current.loading && !current.data) return <Loader aria-label="Chargement des réglages de la messagerie" />;
  return <MessagerieForm initial={current.data ?? null} />;
}

function MessagerieForm({ initial }: { initial: HandlerResult<'messagerie.get'> }) {
  const [adresse, setAdresse] = useState(initial?.adresse ?? '');
  const [nom, setNom] = useState(initial?.nomExpediteur ?? '');
  const [identifiant, setIdentifiant] = useState(initial?.identifiant ?? '');
  const [motDePasse, setMotDePasse] = useState('');
  const [imap, setImap] = useState({
    hote: initial?.imap.hote ?? '',
    port: String(initial?.imap.port ?? 993),
    securite: (initial?.imap.securite ?? 'tls') as Securite,
  });
  const [smtp, setSmtp] = useState({
    hote: initial?.smtp.hote ?? '',
    port: String(initial?.smtp.port ?? 465),
    securite: (initial?.smtp.securite ?? 'tls') as Securite,
  });
  const [dossier, setDossier] = useState(initial?.dossier ?? 'INBOX');
  const [mode, setMode] = useState<Marquage>(initial?.marquage.mode ?? 'mot_cle');
  const [rangement, setRangement] = useState(
    initial?.marquage.mode === 'dossier' ? initial.marquage.dossier : 'Enregistrés dans Clocher',
  );
  const [busy, setBusy] = useState<'save' | 'test' | 'depot' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [diagnostic, setDiagnostic] = useState<HandlerResult<'messagerie.tester'> | null>(null);
  const [eml, setEml] = useState<File | null>(null);
  const [stored, setStored] = useState(initial?.motDePasseEnregistre ?? false);

  const args = (): Args => ({
    adresse: adresse.trim(),
    nomExpediteur: nom.trim() || null,
    identifiant: identifiant.trim(),
    motDePasse: motDePasse || null,
    imap: { hote: imap.hote.trim(), port: Number(imap.port), securite: imap.securite },
    smtp: { hote: smtp.hote.trim(), port: Number(smtp.port), securite: smtp.securite },
    dossier: dossier.trim(),
    marquage: mode === 'dossier' ? { mode, dossier: rangement.trim() } : { mode },
  });
  const failed = (e: unknown) => {
    setErrors(fieldErrors(e));
    setMessage(errorMessage(e));
    focusFirstInvalid();
  };
  const reset = () => {
    setMessage(null);
    setErrors({});
    setDone(null);
    setDiagnostic(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    setBusy('save');
    try {
      await call('messagerie.save', args());
      if (motDePasse) setStored(true);
      setMotDePasse('');
      setDone('Réglages de la messagerie enregistrés.');
    } catch (err) {
      failed(err);
    }
    setBusy(null);
  };
  const test = async () => {
    reset();
    setBusy('test');
    try {
      setDiagnostic(await call('messagerie.tester', args()));
    } catch (err) {
      failed(err);
    }
    setBusy(null);
  };
  const deposer = async () => {
    if (!eml) return;
    reset();
    setBusy('depot');
    try {
      const r = await call('messagerie.deposer', { uploadId: await uploadFile(eml) });
      setDone(
        r.created
          ? `Courriel « ${r.objet} » enregistré.`
          : `Ce courriel (« ${r.objet} ») était déjà enregistré : rien n’a été ajouté.`,
      );
      setEml(null);
    } catch (err) {
      failed(err);
    }
    setBusy(null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={760}>
        <Text>
          Clocher relève la boîte aux lettres électronique de la mairie à chaque synchronisation : chaque message
          devient un courrier arrivé, avec ses pièces jointes. Les accusés de réception partent aussi par cette
          messagerie. Les messages relevés restent sur le serveur ; ils sont seulement marqués.
        </Text>
        <ErrorAlert>{summaryOf(message, errors)}</ErrorAlert>
        <Group grow align="flex-start">
          <TextInput
            label="Adresse électronique de la mairie"
            inputMode="email"
            autoComplete="off"
            value={adresse}
            onChange={(e) => setAdresse(e.currentTarget.value)}
            error={errors.adresse}
          />
          <TextInput
            label="Nom de l’expéditeur (facultatif)"
            description="Par exemple « Mairie de Saint-Benoît »"
            value={nom}
            onChange={(e) => setNom(e.currentTarget.value)}
            error={errors.nomExpediteur}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="Identifiant de la messagerie"
            description="Souvent l’adresse elle-même"
            autoComplete="off"
            value={identifiant}
            onChange={(e) => setIdentifiant(e.currentTarget.value)}
            error={errors.identifiant}
          />
          <TextInput
            type="password"
            label="Mot de passe de la messagerie"
            description={
              stored
                ? 'Laissez vide pour garder le mot de passe enregistré.'
                : 'Il est conservé chiffré sur cet ordinateur.'
            }
            autoComplete="new-password"
            value={motDePasse}
            onChange={(e) => setMotDePasse(e.currentTarget.value)}
            error={errors.motDePasse}
          />
        </Group>
        <ReceptionFields
          imap={imap}
          setImap={setImap}
          dossier={dossier}
          setDossier={setDossier}
          mode={mode}
          setMode={setMode}
          rangement={rangement}
          setRangement={setRangement}
          errors={errors}
        />
        <Fieldset legend="Envoi (SMTP)">
          <ServeurFields kind="smtp" v={smtp} set={setSmtp} errors={errors} />
        </Fieldset>
        <Group>
          <Button type="submit" loading={busy === 'save'} disabled={busy !== null && busy !== 'save'}>
            Enregistrer
          </Button>
          <Button
            variant="outline"
            onClick={() => void test()}
            loading={busy === 'test'}
            disabled={busy !== null && busy !== 'test'}
          >
            Tester la connexion
          </Button>
        </Group>
        {busy === 'test' && <Text role="status">Test en cours : Clocher contacte les serveurs de la messagerie…</Text>}
        {diagnostic && <DiagnosticView d={diagnostic} />}
        {done && (
          <Text role="status" c="var(--clocher-color-success)" fw={600}>
            {done}
          </Text>
        )}
        <DepotCourriel eml={eml} setEml={setEml} busy={busy} deposer={deposer} />
      </Stack>
    </form>
  );
}

/** A mail saved from the secrétaire's own mail program (.eml or .msg), recorded as a courrier arrivé. */
function DepotCourriel({
  eml,
  setEml,
  busy,
  deposer,
}: {
  eml: File | null;
  setEml: (f: File | null) => void;
  busy: 'save' | 'test' | 'depot' | null;
  deposer: () => Promise<void>;
}) {
  return (
    <Fieldset legend="Enregistrer un courriel à la main">
      <Group align="flex-end">
        <FileInput
          label="Courriel enregistré depuis votre messagerie (.eml ou .msg)"
          placeholder="Choisir le fichier…"
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          accept=".eml,.msg,message/rfc822,application/vnd.ms-outlook"
          value={eml}
          onChange={setEml}
          clearable
          clearButtonProps={{ 'aria-label': 'Retirer le fichier choisi' }}
          style={{ flex: 1 }}
        />
        <Button
          variant="outline"
          onClick={() => void deposer()}
          disabled={!eml || (busy !== null && busy !== 'depot')}
          loading={busy === 'depot'}
        >
          Enregistrer ce courriel
        </Button>
      </Group>
    </Fieldset>
  );
}
