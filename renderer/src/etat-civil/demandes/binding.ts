// How the demande form's field blocks read and write the draft, with the core's message under each field.
import type { Dispatch, SetStateAction } from 'react';
import { fieldKey, type Draft } from './draft';

export function draftBinding(d: Draft, setD: Dispatch<SetStateAction<Draft>>, fields: Record<string, string>) {
  const f = Object.fromEntries(Object.entries(fields).map(([k, v]) => [fieldKey(k), v]));
  // the value is read in the handler: React's event has lost its currentTarget when the updater runs
  const put = (k: keyof Draft, v: unknown) => setD((x) => ({ ...x, [k]: v }));
  const set = (k: keyof Draft) => (e: { currentTarget: { value: string } }) => put(k, e.currentTarget.value);
  const check = (k: keyof Draft) => (e: { currentTarget: { checked: boolean } }) => put(k, e.currentTarget.checked);
  const r = (k: keyof Draft['r']) => ({
    value: d.r[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const v = e.currentTarget.value;
      setD((x) => ({ ...x, r: { ...x.r, [k]: v } }));
    },
    error: f[`r.${k}`],
  });
  return { d, setD, f, set, check, r };
}

export type DraftBinding = ReturnType<typeof draftBinding>;
