import { NativeSelect, SimpleGrid, TextInput, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { DateField } from './DateField';

export interface EluForm {
  civilite: string;
  nom: string;
  prenom: string;
  date_naissance: string;
  fonction: string;
  rang_adjoint: string;
  mandat_debut: string;
  mandat_fin: string;
  email?: string | null;
}

export const emptyElu = (fonction = ''): EluForm => ({
  civilite: '',
  nom: '',
  prenom: '',
  date_naissance: '',
  fonction,
  rang_adjoint: '',
  mandat_debut: '',
  mandat_fin: '',
});

/** What the core expects: optional dates as null, the rang as a number (only for an adjoint). */
export function toElu(f: EluForm): Record<string, unknown> {
  const rang = f.rang_adjoint.trim();
  return {
    civilite: f.civilite || undefined,
    nom: f.nom,
    prenom: f.prenom,
    date_naissance: f.date_naissance || null,
    fonction: f.fonction || undefined,
    rang_adjoint: f.fonction === 'adjoint' && rang !== '' ? Number(rang) : null,
    mandat_debut: f.mandat_debut || undefined,
    mandat_fin: f.mandat_fin || null,
    email: f.email || null,
  };
}

export function fromElu(e: Record<string, unknown>): EluForm {
  const s = (v: unknown) => (v == null ? '' : String(v));
  return {
    civilite: s(e.civilite),
    nom: s(e.nom),
    prenom: s(e.prenom),
    date_naissance: s(e.date_naissance),
    fonction: s(e.fonction),
    rang_adjoint: s(e.rang_adjoint),
    mandat_debut: s(e.mandat_debut),
    mandat_fin: s(e.mandat_fin),
    email: (e.email as string | null | undefined) ?? null,
  };
}

export const FONCTION_LABELS: Record<string, string> = {
  maire: 'Maire',
  adjoint: 'Adjoint',
  conseiller: 'Conseiller municipal',
};

interface Props {
  value: EluForm;
  onChange: (v: EluForm) => void;
  /** field errors already narrowed to this élu, keyed by field name (nom, prenom…) */
  errors: Record<string, string | undefined>;
  /** row number (1-based) when several élus are edited at once: labels become « Nom (élu 1) » */
  row?: number;
}

export function EluFields({ value, onChange, errors, row }: Props) {
  const label = (base: string): ReactNode =>
    row == null ? (
      base
    ) : (
      <>
        {base}
        <VisuallyHidden> (élu {row})</VisuallyHidden>
      </>
    );
  const set = (k: keyof EluForm) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [k]: e.currentTarget.value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
      <NativeSelect
        label={label('Civilité')}
        value={value.civilite}
        onChange={set('civilite')}
        error={errors.civilite}
        data={[
          { value: '', label: 'Choisir…' },
          { value: 'M.', label: 'M.' },
          { value: 'Mme', label: 'Mme' },
        ]}
      />
      <TextInput label={label('Nom')} value={value.nom} onChange={set('nom')} error={errors.nom} autoComplete="off" />
      <TextInput
        label={label('Prénom')}
        value={value.prenom}
        onChange={set('prenom')}
        error={errors.prenom}
        autoComplete="off"
      />
      <DateField
        label={label('Date de naissance')}
        description="Facultative"
        value={value.date_naissance}
        onChange={set('date_naissance')}
        error={errors.date_naissance}
      />
      <NativeSelect
        label={label('Fonction')}
        value={value.fonction}
        onChange={(e) =>
          onChange({
            ...value,
            fonction: e.currentTarget.value,
            rang_adjoint: e.currentTarget.value === 'adjoint' ? value.rang_adjoint : '',
          })
        }
        error={errors.fonction}
        data={[
          { value: '', label: 'Choisir…' },
          ...Object.entries(FONCTION_LABELS).map(([v, l]) => ({ value: v, label: l })),
        ]}
      />
      {value.fonction === 'adjoint' && (
        <TextInput
          label={label('Rang')}
          description="1 pour le 1er adjoint, 2 pour le 2e…"
          inputMode="numeric"
          value={value.rang_adjoint}
          onChange={set('rang_adjoint')}
          error={errors.rang_adjoint}
        />
      )}
      <DateField
        label={label('Début du mandat')}
        value={value.mandat_debut}
        onChange={set('mandat_debut')}
        error={errors.mandat_debut}
      />
      <DateField
        label={label('Fin du mandat')}
        description="À laisser vide si le mandat est en cours"
        value={value.mandat_fin}
        onChange={set('mandat_fin')}
        error={errors.mandat_fin}
      />
    </SimpleGrid>
  );
}

/** Narrow `elus.2.nom`-style keys to one élu's fields. */
export function errorsFor(fields: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  return out;
}
