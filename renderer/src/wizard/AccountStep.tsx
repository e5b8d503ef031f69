import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';

export interface AccountForm {
  login: string;
  display_name: string;
  password: string;
  password_confirm: string;
}

export const emptyAccount = (): AccountForm => ({ login: '', display_name: '', password: '', password_confirm: '' });

interface Props {
  value: AccountForm;
  onChange: (v: AccountForm) => void;
  /** field errors, keyed without prefix (login, password…) */
  errors: Record<string, string | undefined>;
  intro?: boolean;
}

/** Login, name and a new password (10 characters at least). Used by the wizard and « Créer un compte ». */
export function AccountFields({ value, onChange, errors, intro = true }: Props) {
  const set = (k: keyof AccountForm) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [k]: e.currentTarget.value });
  return (
    <Stack gap="md">
      {intro && (
        <Text>
          Ce compte sera celui de la secrétaire de mairie. Le mot de passe doit compter au moins 10 caractères : une
          courte phrase, facile à retenir, est le plus simple (par exemple « le clocher sonne à midi »).
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Identifiant"
          description="Par exemple m.dupont (lettres sans accent, chiffres, points ou tirets)"
          autoComplete="username"
          value={value.login}
          onChange={set('login')}
          error={errors.login}
        />
        <TextInput
          label="Nom affiché"
          description="Par exemple Marie Dupont"
          value={value.display_name}
          onChange={set('display_name')}
          error={errors.display_name}
        />
        <TextInput
          type="password"
          label="Mot de passe"
          description="10 caractères au moins ; une courte phrase est le plus simple."
          autoComplete="new-password"
          value={value.password}
          onChange={set('password')}
          error={errors.password}
        />
        <TextInput
          type="password"
          label="Confirmation du mot de passe"
          autoComplete="new-password"
          value={value.password_confirm}
          onChange={set('password_confirm')}
          error={errors.password_confirm}
        />
      </SimpleGrid>
    </Stack>
  );
}
