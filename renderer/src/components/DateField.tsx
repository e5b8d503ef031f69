import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

/**
 * The one way dates and times are typed in Clocher: jj/mm/aaaa and 24 h, whatever the language of the
 * machine (a native <input type="date"> follows the system locale: mm/dd/yyyy and 08:30 PM on an English
 * Windows). Parsing is strict: an impossible date (31/02/2027), an ISO date typed (2027-01-15) or a two-digit
 * year (15/1/27) is refused with a message, never reinterpreted. The parent receives YYYY-MM-DD (or HH:MM),
 * or '' while the text is empty or refused — so nothing wrong is ever stored.
 */
export type FieldParse = { value: string } | { error: string };

export function parseDateFr(text: string): FieldParse {
  const t = text.trim();
  if (!t) return { value: '' };
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) return { error: 'écrivez la date sous la forme jj/mm/aaaa, par exemple 15/01/2027' };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // strict: the calendar must give back the same day (no 31/02 rolled over to 03/03)
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || d.getUTCDate() !== day || d.getUTCMonth() !== month - 1 || year < 1900)
    return { error: `le ${m[1]!.padStart(2, '0')}/${m[2]!.padStart(2, '0')}/${m[3]} n’existe pas` };
  return { value: `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

export function parseTimeFr(text: string): FieldParse {
  const t = text.trim();
  if (!t) return { value: '' };
  const m = /^(\d{1,2})\s*[:hH]\s*(\d{2})$/.exec(t);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    return { error: 'écrivez l’heure sur 24 heures, par exemple 20:30 ou 20h30' };
  return { value: `${m[1]!.padStart(2, '0')}:${m[2]}` };
}

export const formatDateField = (iso: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : '';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  /** YYYY-MM-DD (DateField) or HH:MM (TimeField); '' when empty */
  value: string;
  onChange: (e: { currentTarget: { value: string } }) => void;
};

function StrictField({
  value,
  onChange,
  error,
  label,
  parse,
  format,
  placeholder,
  ...rest
}: Props & { parse: (t: string) => FieldParse; format: (v: string) => string }) {
  const [text, setText] = useState(() => format(value));
  const [shown, setShown] = useState<string | null>(null);
  const emitted = useRef(value);
  // a value set from outside (a form reset, a default) replaces the text; our own emissions do not
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(format(value));
      setShown(null);
    }
  }, [value, format]);
  const r = parse(text);
  const emit = (t: string) => {
    setText(t);
    const p = parse(t);
    const v = 'value' in p ? p.value : '';
    if ('value' in p) setShown(null);
    if (v !== emitted.current) {
      emitted.current = v;
      onChange({ currentTarget: { value: v } });
    }
  };
  const name = typeof label === 'string' ? label.replace(/\s*\*$/, '') : 'Date';
  return (
    <TextInput
      {...rest}
      label={label}
      placeholder={placeholder}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      onChange={(e) => emit(e.currentTarget.value)}
      onBlur={(e) => {
        setShown('error' in r ? `${name} : ${r.error}.` : null);
        rest.onBlur?.(e);
      }}
      error={shown ?? ('error' in r && error ? `${name} : ${r.error}.` : error)}
    />
  );
}

/** A date typed as jj/mm/aaaa (see above). */
export const DateField = (p: Props) => (
  <StrictField placeholder="jj/mm/aaaa" {...p} parse={parseDateFr} format={formatDateField} />
);

/** A time typed on 24 hours, HH:MM. */
export const TimeField = (p: Props) => <StrictField placeholder="hh:mm" {...p} parse={parseTimeFr} format={(v) => v} />;
