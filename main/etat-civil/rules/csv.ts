/**
 * CSV of tables décennales / existing indexes: parse, map columns to fields, and check every line. Pure: the
 * import service writes the accepted lines in one transaction and reports every refused one with its reason.
 */
import { KINDS, type Kind } from './kinds';
import { fold } from './search-query';

export const IMPORT_FIELDS = [
  'type',
  'annee',
  'numero',
  'date_acte',
  'nom',
  'prenoms',
  'nom_usage',
  'nom_conjoint',
  'prenoms_conjoint',
  'date_evenement',
  'lieu_evenement',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type Mapping = Partial<Record<ImportField, number>>; // field → column index

/** RFC 4180 with the separator of French spreadsheets (« ; ») guessed from the first line. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const first = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = [';', '\t', ','].map((s) => [s, first.split(s).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const rows: string[][] = [];
  let row: string[] = [],
    cell = '',
    quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    endCell();
    rows.push(row);
  }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

/** A mapping guessed from the header line (« Nom », « Prénoms », « Date de l'acte »…); the user corrects it. */
export function guessMapping(header: readonly string[]): Mapping {
  const m: Mapping = {};
  const h = header.map((x) =>
    fold(x)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim(),
  );
  const find = (re: RegExp) => h.findIndex((x) => re.test(x));
  const set = (f: ImportField, re: RegExp) => {
    const i = find(re);
    if (i >= 0 && !Object.values(m).includes(i)) m[f] = i;
  };
  set('prenoms_conjoint', /prenoms? (du |de l )?(conjoint|epou)/);
  set('nom_conjoint', /nom (du |de l )?(conjoint|epou)/);
  set('nom_usage', /usage/);
  set('type', /^(type|nature|acte|registre)$/);
  set('annee', /^annee/);
  set('numero', /^(n|no|num|numero)( acte)?$/);
  set('date_evenement', /date (de l )?evenement|date (de )?(naissance|deces)/);
  set('date_acte', /date/);
  set('prenoms', /^prenom/);
  set('nom', /^nom/);
  set('lieu_evenement', /lieu/);
  return m;
}

const TYPE_WORDS: Record<string, Kind> = {
  n: 'naissance',
  naissance: 'naissance',
  r: 'reconnaissance',
  reconnaissance: 'reconnaissance',
  m: 'mariage',
  mariage: 'mariage',
  d: 'deces',
  deces: 'deces',
  t: 'transcription_deces',
  transcription: 'transcription_deces',
  'transcription de deces': 'transcription_deces',
  esv: 'enfant_sans_vie',
  'enfant sans vie': 'enfant_sans_vie',
};

/** « 03/06/1987 », « 3/6/1987 » or « 1987-06-03 » → 1987-06-03; null if not a real date. */
export function parseDate(s: string): string | null {
  const t = s.trim();
  const fr = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = fr ? [fr[3], fr[2], fr[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y) return null;
  const out = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const dt = new Date(`${out}T12:00:00Z`);
  return Number.isNaN(dt.getTime()) || dt.toISOString().slice(0, 10) !== out ? null : out;
}

export interface ImportRow {
  type: Kind;
  annee: number;
  numero: number;
  date_acte: string;
  nom: string;
  prenoms: string;
  nom_usage: string | null;
  nom_conjoint: string | null;
  prenoms_conjoint: string | null;
  date_evenement: string | null;
  lieu_evenement: string | null;
}

/** One line: the row, or the reason (in French) it is refused. `line` counts from 1 as a spreadsheet shows. */
export function checkLine(
  cells: readonly string[],
  m: Mapping,
  defaultType: Kind | null,
): { row: ImportRow } | { reason: string } {
  const get = (f: ImportField) => (m[f] === undefined ? '' : (cells[m[f]!] ?? '').trim());
  const rawType = fold(get('type'));
  const type = rawType
    ? (TYPE_WORDS[rawType] ?? ((KINDS as readonly string[]).find((k) => k === rawType) as Kind | undefined))
    : defaultType;
  if (!type) return { reason: rawType ? `type d’acte inconnu : « ${get('type')} »` : 'type d’acte manquant' };
  const dateActe = parseDate(get('date_acte'));
  if (!dateActe)
    return {
      reason: get('date_acte')
        ? `date de l’acte invalide : « ${get('date_acte')} » (attendu JJ/MM/AAAA)`
        : 'date de l’acte manquante',
    };
  const annee = get('annee') ? Number(get('annee')) : Number(dateActe.slice(0, 4));
  if (!Number.isInteger(annee) || annee !== Number(dateActe.slice(0, 4)))
    return { reason: `l’année « ${get('annee')} » ne correspond pas à la date de l’acte` };
  const numero = Number(get('numero'));
  if (!/^\d{1,5}$/.test(get('numero')) || numero < 1)
    return { reason: get('numero') ? `numéro d’acte invalide : « ${get('numero')} »` : 'numéro d’acte manquant' };
  if (!get('nom')) return { reason: 'nom manquant' };
  if (!get('prenoms') && type !== 'enfant_sans_vie') return { reason: 'prénoms manquants' };
  if (type === 'mariage' && !get('nom_conjoint')) return { reason: 'mariage : nom du conjoint manquant' };
  const rawEv = get('date_evenement');
  const dateEv = rawEv ? parseDate(rawEv) : null;
  if (rawEv && !dateEv) return { reason: `date de l’événement invalide : « ${rawEv} »` };
  if (dateEv && dateEv > dateActe) return { reason: 'l’événement est postérieur à l’acte' };
  const opt = (f: ImportField) => get(f) || null;
  return {
    row: {
      type,
      annee,
      numero,
      date_acte: dateActe,
      nom: get('nom'),
      prenoms: get('prenoms'),
      nom_usage: opt('nom_usage'),
      nom_conjoint: opt('nom_conjoint'),
      prenoms_conjoint: opt('prenoms_conjoint'),
      date_evenement: dateEv,
      lieu_evenement: opt('lieu_evenement'),
    },
  };
}
