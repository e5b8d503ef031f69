import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call } from '../bridge';
import { useAction } from '../lib/useAction';
import { ErrorAlert, summaryOf } from './ErrorAlert';

/** Current password, new one and its confirmation; the core's field errors are shown under each field. */
export function ChangePasswordForm({
  onDone,
  submitLabel = 'Changer le mot de passe',
}: {
  onDone: () => void;
  submitLabel?: string;
}) {
  const [v, setV] = useState({ current: '', password: '', password_confirm: '' });
  const a = useAction();
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value });

  const submit = a.submit(async () => {
    await call('auth.changePassword', v);
    setV({ current: '', password: '', password_confirm: '' });
    onDone();
  });

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <ErrorAlert>{summaryOf(a.error, a.fields)}</ErrorAlert>
        <TextInput
          type="password"
          label="Mot de passe actuel"
          autoComplete="current-password"
          value={v.current}
          onChange={set('current')}
          error={a.fields.current}
        />
        <TextInput
          type="password"
          label="Nouveau mot de passe"
          description="10 caractères au moins ; une courte phrase est le plus simple à retenir."
          autoComplete="new-password"
          value={v.password}
          onChange={set('password')}
          error={a.fields.password}
        />
        <TextInput
          type="password"
          label="Confirmation du nouveau mot de passe"
          autoComplete="new-password"
          value={v.password_confirm}
          onChange={set('password_confirm')}
          error={a.fields.password_confirm}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={a.busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
