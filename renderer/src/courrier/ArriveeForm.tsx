import { Autocomplete, Button, FileInput, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, type HandlerResult } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { uploadFile } from '../lib/files';
import { useAction } from '../lib/useAction';
import { ASSIGNE_OPTIONS, CANAL_OPTIONS } from './labels';
import { DateField } from '../components/DateField';

type Contact = HandlerResult<'courrier.contacts'>[number];
const today = () => new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });

/** Register an arrivée by hand (paper, handed in…); the correspondent is picked from the contacts or created. */
export function ArriveeForm({ onDone, onCancel }: { onDone: (id: number) => void; onCancel: () => void }) {
  const [v, setV] = useState({
    channel: 'papier',
    dateReception: today(),
    dateCourrier: '',
    nom: '',
    email: '',
    adresse: '',
    objet: '',
    nature: 'lettre',
    assigne: null as string | null,
  });
  const [files, setFiles] = useState<File[]>([]);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const a = useAction();
  useEffect(() => {
    let live = true;
    if (v.nom.trim().length < 2) return;
    call('courrier.contacts', { text: v.nom })
      .then((r) => live && setContacts(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [v.nom]);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value; // read now: React clears currentTarget once the handler returns
    setV((o) => ({ ...o, [k]: value }));
  };
  const pick = (nom: string) => {
    const c = contacts.find((x) => x.nom === nom);
    setV((o) => ({ ...o, nom, email: c?.email ?? o.email, adresse: c?.adresse ?? o.adresse }));
  };
  const submit = () =>
    a.run(async () => {
      const uploadIds = [];
      for (const f of files) uploadIds.push(await uploadFile(f));
      const r = await call('courrier.registerArrivee', {
        arrivee: {
          channel: v.channel,
          dateReception: v.dateReception,
          dateCourrier: v.dateCourrier || null,
          correspondent: { nom: v.nom, email: v.email || null, adresse: v.adresse || null },
          objet: v.objet,
          nature: v.nature,
          assigne: v.assigne,
        },
        uploadIds,
      });
      onDone(r.courrierId);
    });
  const err = (k: string) => a.fields[k];
  return (
    <Stack maw={720}>
      <Title order={2} size="h3">
        Enregistrer un courrier arrivé
      </Title>
      <ErrorAlert>{summaryOf(a.error, a.fields)}</ErrorAlert>
      <Group grow>
        <Select
          label="Canal"
          data={CANAL_OPTIONS}
          value={v.channel}
          onChange={(x) => x && setV((o) => ({ ...o, channel: x }))}
          allowDeselect={false}
          error={err('channel')}
        />
        <DateField
          label="Reçu le"
          value={v.dateReception}
          onChange={set('dateReception')}
          error={err('dateReception')}
          required
        />
        <DateField
          label="Date du courrier"
          value={v.dateCourrier}
          onChange={set('dateCourrier')}
          error={err('dateCourrier')}
        />
      </Group>
      <Autocomplete
        label="Correspondant"
        description="Tapez quelques lettres : les contacts connus sont proposés"
        data={[...new Set(contacts.map((c) => c.nom))]}
        value={v.nom}
        onChange={pick}
        error={err('correspondent.nom')}
        required
      />
      <Group grow>
        <TextInput
          label="Courriel du correspondant"
          value={v.email}
          onChange={set('email')}
          error={err('correspondent.email')}
        />
        <TextInput
          label="Adresse postale"
          value={v.adresse}
          onChange={set('adresse')}
          error={err('correspondent.adresse')}
        />
      </Group>
      <TextInput label="Objet" value={v.objet} onChange={set('objet')} error={err('objet')} required />
      <Group grow>
        <TextInput
          label="Nature"
          description="lettre, formulaire, dossier…"
          value={v.nature}
          onChange={set('nature')}
        />
        <Select
          label="Attribué à"
          data={ASSIGNE_OPTIONS}
          value={v.assigne}
          onChange={(x) => setV((o) => ({ ...o, assigne: x }))}
          clearable
        />
      </Group>
      <FileInput label="Pièces jointes et scans" multiple value={files} onChange={setFiles} clearable />
      <Group>
        <Button onClick={() => void submit()} loading={a.busy}>
          Enregistrer
        </Button>
        <Button variant="default" onClick={onCancel}>
          Annuler
        </Button>
      </Group>
    </Stack>
  );
}
