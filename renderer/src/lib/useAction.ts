import { useCallback, useState, type FormEvent } from 'react';
import { CallError } from '../bridge';
import { errorMessage, fieldErrors, focusFirstInvalid } from './errors';

export interface Action {
  busy: boolean;
  error: string | null;
  /** the core's stable code of the last refusal (TOKEN_PIN, TOKEN_LOCKED…), for screens that react to it */
  code: string | null;
  fields: Record<string, string>;
  /** Run a write; on failure keep the French message (and field messages) and return false. */
  run: (fn: () => Promise<unknown>) => Promise<boolean>;
  /** A form's onSubmit: no page reload, then `run`; `after` learns whether it went through, and the field messages. */
  submit: (
    fn: () => Promise<unknown>,
    after?: (ok: boolean, fields: Record<string, string>) => void,
  ) => (e?: FormEvent) => void;
  clear: () => void;
}

/** One action's state: busy flag, the core's French message, the field messages. Nothing typed is reset on error. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const attempt = useCallback(async (fn: () => Promise<unknown>): Promise<Record<string, string> | null> => {
    setBusy(true);
    try {
      await fn();
      setError(null);
      setCode(null);
      setFields({});
      return null;
    } catch (e) {
      setError(errorMessage(e));
      setCode(e instanceof CallError ? e.code : 'INTERNAL');
      const f = fieldErrors(e);
      setFields(f);
      if (Object.keys(f).length) focusFirstInvalid();
      return f;
    } finally {
      setBusy(false);
    }
  }, []);
  const run = useCallback(async (fn: () => Promise<unknown>) => (await attempt(fn)) === null, [attempt]);
  const submit = useCallback(
    (fn: () => Promise<unknown>, after?: (ok: boolean, fields: Record<string, string>) => void) => (e?: FormEvent) => {
      e?.preventDefault();
      void attempt(fn).then((f) => after?.(f === null, f ?? {}));
    },
    [attempt],
  );
  const clear = useCallback(() => {
    setError(null);
    setCode(null);
    setFields({});
  }, []);
  return { busy, error, code, fields, run, submit, clear };
}
