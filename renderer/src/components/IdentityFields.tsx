import { SimpleGrid, TextInput } from '@mantine/core';

export interface IdentityForm {
  nom: string;
  code_insee: string;
  siren: string;
  departement: string;
  arrondissement: string;
  adresse: string;
  code_postal: string;
  telephone: string;
  email: string;
  population: string;
}

export const emptyIdentity = (): IdentityForm => ({
  nom: '',
  code_insee: '',
  siren: '',
  departement: '',
  arrondissement: '',
  adresse: '',
  code_postal: '',
  telephone: '',
  email: '',
  population: '',
});

/** What the core expects: population as a number (absent when not typed, so the core says it is missing). */
export function toIdentity(f: IdentityForm): Record<string, unknown> {
  const population = f.population.trim() === '' ? undefined : Number(f.population.replace(/\s/g, ''));
  return { ...f, population };
}

export function fromIdentity(i: Record<string, unknown>): IdentityForm {
  const out = emptyIdentity();
  for (const k of Object.keys(out) as (keyof IdentityForm)[]) if (i[k] != null) out[k] = String(i[k]);
  return out;
}

interface Props {
  value: IdentityForm;
  onChange: (v: IdentityForm) => void;
  /** field errors, keyed `identity.xxx` */
  errors: Record<string, string>;
  inseeReadOnly?: boolean;
  readOnly?: boolean;
}

const FIELDS: {
  key: keyof IdentityForm;
  label: string;
  description?: string;
  type?: string;
  inputMode?: 'numeric' | 'tel' | 'email';
  autoComplete?: string;
}[] = [
  { key: 'nom', label: 'Nom de la commune' },
  {
    key: 'code_insee',
    label: 'Code INSEE',
    description: '5 caractères, par exemple 45270 ; ce n’est pas le code postal.',
  },
  { key: 'siren', label: 'SIREN', description: '9 chiffres, commence par 21 pour une commune.', inputMode: 'numeric' },
  { key: 'departement', label: 'Département', description: 'Numéro : 45, 2A, 971…' },
  {
    key: 'arrondissement',
    label: 'Arrondissement',
    description: 'Numéro de l’arrondissement dans le département (1 à 9).',
    inputMode: 'numeric',
  },
  { key: 'adresse', label: 'Adresse de la mairie', autoComplete: 'street-address' },
  { key: 'code_postal', label: 'Code postal', inputMode: 'numeric', autoComplete: 'postal-code' },
  { key: 'telephone', label: 'Téléphone', type: 'tel', inputMode: 'tel' },
  { key: 'email', label: 'E-mail de la mairie', type: 'email', inputMode: 'email' },
  {
    key: 'population',
    label: 'Population',
    inputMode: 'numeric',
    description:
      'Nombre d’habitants (population municipale INSEE). Il détermine les règles légales qui s’appliquent : communes de moins de 1 000 habitants, de moins de 3 500 habitants (délai de convocation du conseil, publicité des actes…).',
  },
];

export function IdentityFields({ value, onChange, errors, inseeReadOnly, readOnly }: Props) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {FIELDS.map((f) => (
        <TextInput
          key={f.key}
          label={f.label}
          description={
            inseeReadOnly && f.key === 'code_insee'
              ? 'Il ne peut pas être modifié : pour une autre commune, utilisez « Ajouter une commune ».'
              : f.description
          }
          type={f.type ?? 'text'}
          inputMode={f.inputMode}
          autoComplete={f.autoComplete ?? 'off'}
          value={value[f.key]}
          readOnly={readOnly || (inseeReadOnly && f.key === 'code_insee')}
          variant={readOnly || (inseeReadOnly && f.key === 'code_insee') ? 'filled' : 'default'}
          style={f.key === 'population' ? { gridColumn: '1 / -1' } : undefined}
          onChange={(e) => onChange({ ...value, [f.key]: e.currentTarget.value })}
          error={errors[`identity.${f.key}`]}
        />
      ))}
    </SimpleGrid>
  );
}
