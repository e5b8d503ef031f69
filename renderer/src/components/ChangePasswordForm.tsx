import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../bridge';
import { errorMessage, fieldErrors, focusFirstInvalid } from '../lib/errors';
import { ErrorAlert, summaryOf } from './ErrorAlert';

/** Current password, new one and its confirmation; the core's field errors are shown under each field. */
export function ChangePasswordForm({ onDone, submitLabel = 'Changer le mot de passe' }: { onDone: () => void; submitLabel?: string }) {
  const [v, setV] = useState({ current: '', password: '', password_confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await call('auth.changePassword', v);
      setErrors({});
      setMessage(null);
      setV({ current: '', password: '', password_confirm: '' });
      onDone();
    } catch (err) {
      setErrors(fieldErrors(err));
      setMessage(errorMessage(err));
      focusFirstInvalid();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <ErrorAlert>{summaryOf(message, errors)}</ErrorAlert>
        <TextInput type="password" label="Mot de passe actuel" autoComplete="current-password" value={v.current} onChange={set('current')} error={errors.current} />
        <TextInput
          type="password"
          label="Nouveau mot de passe"
          description="10 caractères au moins ; une courte phrase est le plus simple à retenir."
          autoComplete="new-password"
          value={v.password}
          onChange={set('password')}
          error={errors.password}
        />
        <TextInput
          type="password"
          label="Confirmation du nouveau mot de passe"
          autoComplete="new-password"
          value={v.password_confirm}
          onChange={set('password_confirm')}
          error={errors.password_confirm}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
