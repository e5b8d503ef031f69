import { useCallback, useState, type FormEvent } from 'react';
import { errorMessage, fieldErrors, focusFirstInvalid } from './errors';

export interface Action {
  busy: boolean;
  error: string | null;
  fields: Record<string, string>;
  /** Run a write; on failure keep the French message (and field messages) and return false. */
  run: (fn: () => Promise<unknown>) => Promise<boolean>;
  /** A form's onSubmit: no page reload, then `run`; `after` learns whether it went through. */
  submit: (fn: () => Promise<unknown>, after?: (ok: boolean) => void) => (e?: FormEvent) => void;
  clear: () => void;
}

/** One action's state: busy flag, the core's French message, the field messages. Nothing typed is reset on error. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      setError(null);
      setFields({});
      return true;
    } catch (e) {
      setError(errorMessage(e));
      const f = fieldErrors(e);
      setFields(f);
      if (Object.keys(f).length) focusFirstInvalid();
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const submit = useCallback(
    (fn: () => Promise<unknown>, after?: (ok: boolean) => void) => (e?: FormEvent) => {
      e?.preventDefault();
      void run(fn).then((ok) => after?.(ok));
    },
    [run],
  );
  const clear = useCallback(() => {
    setError(null);
    setFields({});
  }, []);
  return { busy, error, fields, run, submit, clear };
}
