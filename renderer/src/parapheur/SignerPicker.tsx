import { NativeSelect, Paper, Title } from '@mantine/core';
import { useEffect } from 'react';
import { call } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { fonction as accordFonction } from '../lib/accord';
import { useLoad } from '../lib/useLoad';

export type Who = { eluId: number } | { delegationId: number };
export const parseWho = (v: string): Who | null =>
  v.startsWith('elu:')
    ? { eluId: Number(v.slice(4)) }
    : v.startsWith('del:')
      ? { delegationId: Number(v.slice(4)) }
      : null;

/** Step 1 « Qui signe ? »: an élu in office, or an agent holding a délégation in force (L2122-19). */
export function SignerPicker({ who, onChange }: { who: string; onChange: (who: string) => void }) {
  const people = useLoad(async () => {
    const [dossier, delegations, status] = await Promise.all([
      call('commune.get'),
      call('parapheur.delegations'),
      call('app.status'),
    ]);
    // an élu logged in with his own account signs as himself: the signataire is him, fixed
    const me = status.phase === 'ready' ? status.user.eluId : null;
    const elus = dossier.elus.filter((e) => !e.mandat_fin && (me === null || e.id === me));
    return { elus, agents: me === null ? delegations.filter((d) => d.enVigueur && d.delegataire_nom) : [], me };
  });
  const me = people.data?.me ?? null;
  useEffect(() => {
    if (me !== null) onChange(`elu:${me}`);
  }, [me, onChange]);
  const description =
    me === null
      ? 'Chacun signe avec sa propre clé : le nom du certificat doit être celui du signataire.'
      : 'Vous êtes connecté avec votre compte d’élu : vous signez avec votre propre clé.';
  const elus = (people.data?.elus ?? []).map((e) => ({
    value: `elu:${e.id}`,
    label: `${e.prenom} ${e.nom} (${accordFonction(e.fonction, e.civilite)})`,
  }));
  const agents = (people.data?.agents ?? []).map((d) => ({
    value: `del:${d.id}`,
    label: `${d.delegataire} (${d.delegataire_qualite}, délégation art. ${d.article})`,
  }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="who-title">
      <Title order={2} size="h4" id="who-title" mb="sm">
        1. Qui signe ?
      </Title>
      <ErrorAlert>{people.error}</ErrorAlert>
      <NativeSelect
        size="md"
        label="Signataire"
        description={description}
        disabled={me !== null}
        value={who}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[{ value: '', label: 'Choisissez le signataire…' }, ...elus, ...agents]}
      />
    </Paper>
  );
}
