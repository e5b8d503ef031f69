/**
 * The field rules of `actes_transac_create.php` / `ActesTransaction::save` (protocol §2.1), strict as
 * S²LOW is. Each failure is the `KO` line S²LOW would answer. Pure: the server passes what it parsed.
 */
import type { ActeFields } from './xml';

export const NUMERO_RE = /^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$/;
export const TYPO_RE = /^[A-Z0-9_]{5}$/;

export interface PostedFile {
  field: string;
  filename: string;
  bytes: Buffer;
}

export interface Classif {
  date: string;
  /** nature code → allowed CodeTypePJ */
  typologies: Map<number, Set<string>>;
  /** every matière path, e.g. '7', '7.1', '7.1.2' */
  matieres: Set<string>;
}

export type Sniffed = 'pdf' | 'xml' | 'png' | 'jpg' | null;
/** What `mime_content_type` would tell, by magic bytes. */
export function sniff(b: Buffer): Sniffed {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b[0] === 0x89 && b.subarray(1, 4).toString('latin1') === 'PNG') return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (/^\s*<(\?xml|[A-Za-z])/.test(b.subarray(0, 100).toString('latin1'))) return 'xml';
  return null;
}

/** Validate, and return the parsed act or the KO message. `today` is the server's YYYY-MM-DD. */
export function validateActe(
  fields: Record<string, string[]>,
  files: PostedFile[],
  classif: Classif,
  today: string,
): { ok: true; acte: ActeFields } | { ok: false; message: string } {
  const one = (k: string) => fields[k]?.[0]?.trim() ?? '';
  const ko = (message: string) => ({ ok: false as const, message });
  const nature = Number(one('nature_code'));
  if (!Number.isInteger(nature) || nature < 1 || nature > 6) return ko("La nature de l'acte est incorrecte");
  const classif1 = one('classif1');
  const classif2 = one('classif2');
  if (!classif1 || !classif2) return ko('Les deux premiers niveaux de classification sont obligatoires');
  const codes = [classif1, classif2, one('classif3'), one('classif4'), one('classif5')];
  const lastSet = codes.reduce((n, c, i) => (c ? i + 1 : n), 0);
  const path = codes.slice(0, lastSet);
  if (path.some((c) => !/^\d+$/.test(c))) return ko('La classification est incorrecte');
  if (!classif.matieres.has(path.join('.')))
    return ko(`La classification ${path.join('.')} n'existe pas dans la classification en vigueur`);
  const number = one('number');
  if (!number) return ko("Le numéro interne de l'acte est obligatoire");
  if (!NUMERO_RE.test(number))
    return ko(
      `Le numéro interne « ${number} » est incorrect : 15 caractères maximum parmi A-Z, 0-9 et _ (ni au début ni à la fin)`,
    );
  const decisionDate = one('decision_date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(decisionDate) || Number.isNaN(Date.parse(decisionDate)))
    return ko('La date de la décision est incorrecte');
  if (decisionDate > today) return ko('La date de la décision ne peut pas être dans le futur');
  const subject = one('subject');
  if (!subject) return ko("L'objet de l'acte est obligatoire");
  if (subject.length > 499) return ko("L'objet de l'acte est trop long (499 caractères maximum)");
  const allowed = classif.typologies.get(nature) ?? new Set<string>();
  const typeActe = one('type_acte');
  if (!typeActe) return ko("La typologie de l'acte est absente");
  if (!TYPO_RE.test(typeActe) || !allowed.has(typeActe))
    return ko(`La typologie ${typeActe} n'est pas autorisée pour cette nature d'acte`);
  const main = files.filter((f) => f.field === 'acte_pdf_file');
  if (main.length !== 1 || !main[0] || main[0].bytes.length === 0) return ko("Le fichier de l'acte est obligatoire");
  const mainType = sniff(main[0].bytes);
  const xmlAllowed = nature === 5 && path.slice(0, 2).join('.') === '7.1';
  if (mainType !== 'pdf' && !(xmlAllowed && mainType === 'xml'))
    return ko("Le fichier de l'acte doit être au format PDF");
  const annexes = files.filter((f) => f.field === 'acte_attachments[]' || f.field === 'acte_attachments');
  const typePj = (fields['type_pj[]'] ?? fields['type_pj'] ?? []).map((t) => t.trim());
  if (typePj.length !== annexes.length) return ko('Il faut une typologie pour chaque annexe');
  const annexExts: string[] = [];
  for (const [i, a] of annexes.entries()) {
    const t = sniff(a.bytes);
    if (!t) return ko(`L'annexe ${a.filename} n'est pas d'un type autorisé (PDF, XML, PNG ou JPEG)`);
    if (mainType === 'xml' && t !== 'pdf')
      return ko("Les annexes d'un document budgétaire XML doivent être au format PDF");
    const tp = typePj[i] as string;
    if (!TYPO_RE.test(tp) || !allowed.has(tp))
      return ko(`La typologie ${tp} n'est pas autorisée pour cette nature d'acte`);
    annexExts.push(t);
  }
  const papier = one('document_papier');
  return {
    ok: true,
    acte: {
      nature,
      classif: path,
      number,
      decisionDate,
      subject,
      documentPapier: papier === '1',
      typeActe,
      typePj,
      mainExt: mainType ?? 'pdf',
      annexExts,
    },
  };
}
