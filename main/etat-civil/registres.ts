/** Registers by year and kind, their life (opened, closed on the last act, bound) and their scanned pages. */
import { PDFDocument } from '@cantoo/pdf-lib';
import { splitTiff } from '../documents';
import { AppError } from '../kernel';
import type { EcCtx } from './context';
import type { Kind } from './rules/kinds';
import { dateCourte } from './rules/dates';

export interface RegistreRow {
  id: number;
  annee: number;
  type: Kind | 'unique';
  ouvert_le: string | null;
  clos_le: string | null;
  relie_le: string | null;
}

const OF: Record<Kind | 'unique', string> = {
  naissance: 'des naissances',
  reconnaissance: 'des reconnaissances',
  mariage: 'des mariages',
  deces: 'des décès',
  transcription_deces: 'des transcriptions de décès',
  enfant_sans_vie: 'des enfants sans vie',
  unique: 'unique',
};
export const registreLabel = (r: Pick<RegistreRow, 'annee' | 'type'>) => `Registre ${OF[r.type]} ${r.annee}`;

export function listRegistres(c: EcCtx) {
  return c.db
    .prepare(
      `SELECT r.*, (SELECT count(*) FROM acte_etat_civil a WHERE a.registre_id = r.id) AS actes,
              (SELECT max(date_acte) FROM acte_etat_civil a WHERE a.registre_id = r.id) AS dernier_acte,
              (SELECT count(*) FROM ec_registre_page p WHERE p.registre_id = r.id) AS pages
       FROM ec_registre r ORDER BY r.annee DESC, r.type`,
    )
    .all() as (RegistreRow & { actes: number; dernier_acte: string | null; pages: number })[];
}

export function getRegistre(c: EcCtx, id: number): RegistreRow {
  const r = c.db.prepare('SELECT * FROM ec_registre WHERE id = ?').get(id) as RegistreRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Registre introuvable.');
  return r;
}

/** What the window says before an irreversible step; the core asks for it (CONFIRM) and the window shows it. */
export const CLOTURE_AVERTISSEMENT = (label: string, date: string) =>
  `Clore le ${label.toLowerCase()} le ${dateCourte(date)} ? La clôture est définitive : un registre clos ne se rouvre pas ; ` +
  'il se clôt à la date de son dernier acte (instruction DAF/DPACI/RES/2009/018 ; C. civ. art. 40, décret 2017-890).';
export const RELIURE_AVERTISSEMENT = (label: string, date: string) =>
  `Enregistrer la reliure du ${label.toLowerCase()} le ${dateCourte(date)} ? C’est définitif : les feuillets reliés ne se modifient plus (C. civ. art. 40 ; décret 2017-890).`;

/**
 * The life of a register: opened, closed on the date of its last act, then bound — each step once, for good.
 * Closing and binding are irreversible, so the first call is answered CONFIRM with the rule; `confirm` goes on.
 */
export function saveRegistre(c: EcCtx, id: number | null, r: Omit<RegistreRow, 'id'>, confirm = false): number {
  if (r.ouvert_le && r.clos_le && r.clos_le < r.ouvert_le)
    throw new AppError('INVALID', 'Clôture : après l’ouverture.', { clos_le: 'Après l’ouverture.' });
  if (r.relie_le && !r.clos_le)
    throw new AppError('RULE', 'Un registre se relie une fois clos (C. civ. art. 40 ; décret 2017-890 art. 11).');
  if (r.relie_le && r.clos_le && r.relie_le < r.clos_le)
    throw new AppError('INVALID', 'Reliure : après la clôture.', { relie_le: 'Après la clôture.' });
  for (const [field, v] of [
    ['clos_le', r.clos_le],
    ['relie_le', r.relie_le],
  ] as const)
    if (v && v > c.today)
      throw new AppError(
        'INVALID',
        `${field === 'clos_le' ? 'Clôture' : 'Reliure'} : une date passée ou aujourd’hui.`,
        { [field]: 'Pas dans le futur.' },
      );
  const old = id === null ? null : getRegistre(c, id);
  if (old?.clos_le && r.clos_le !== old.clos_le)
    throw new AppError(
      'RULE',
      `Le ${registreLabel(old).toLowerCase()} est clos depuis le ${dateCourte(old.clos_le)} : la clôture est définitive (instruction DAF/DPACI/RES/2009/018).`,
    );
  if (old?.relie_le && r.relie_le !== old.relie_le)
    throw new AppError(
      'RULE',
      `Le ${registreLabel(old).toLowerCase()} est relié depuis le ${dateCourte(old.relie_le)} : la reliure est définitive.`,
    );
  if (r.clos_le && !old?.clos_le) {
    // The register closes on the date of its last act (instruction DAF/DPACI/RES/2009/018, p. 7).
    const last = id
      ? (
          c.db.prepare('SELECT max(date_acte) AS d FROM acte_etat_civil WHERE registre_id = ?').get(id) as {
            d: string | null;
          }
        ).d
      : null;
    if (last && r.clos_le < last)
      throw new AppError(
        'RULE',
        `Le registre se clôt à la date de son dernier acte, le ${dateCourte(last)} au plus tôt.`,
        { clos_le: `Le ${dateCourte(last)} au plus tôt.` },
      );
    if (!confirm) throw new AppError('CONFIRM', CLOTURE_AVERTISSEMENT(registreLabel(r), r.clos_le));
  } else if (r.relie_le && !old?.relie_le && !confirm)
    throw new AppError('CONFIRM', RELIURE_AVERTISSEMENT(registreLabel(r), r.relie_le));
  if (id === null || !old) {
    if (c.db.prepare('SELECT 1 FROM ec_registre WHERE annee = ? AND type = ?').get(r.annee, r.type))
      throw new AppError('CONFLICT', `Le ${registreLabel(r).toLowerCase()} existe déjà.`);
    id = Number(
      c.db
        .prepare(
          'INSERT INTO ec_registre (annee, type, ouvert_le, clos_le, relie_le, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(r.annee, r.type, r.ouvert_le, r.clos_le, r.relie_le, c.now.toISOString()).lastInsertRowid,
    );
    c.audit({
      action: 'etat-civil.registre.cree',
      summary: `${registreLabel(r)} créé`,
      objectType: 'ec_registre',
      objectId: id,
    });
    return id;
  }
  if (old.annee !== r.annee || old.type !== r.type)
    throw new AppError('RULE', 'L’année et le type d’un registre ne changent pas.');
  c.db
    .prepare('UPDATE ec_registre SET ouvert_le = ?, clos_le = ?, relie_le = ? WHERE id = ?')
    .run(r.ouvert_le, r.clos_le, r.relie_le, id);
  const action = r.relie_le && !old.relie_le ? 'relie' : r.clos_le && !old.clos_le ? 'clos' : 'modifie';
  const summary = {
    relie: `${registreLabel(r)} relié le ${dateCourte(r.relie_le ?? '')}`,
    clos: `${registreLabel(r)} clos le ${dateCourte(r.clos_le ?? '')}`,
    modifie: `${registreLabel(r)} : ouverture ${r.ouvert_le ?? '—'}`,
  }[action];
  c.audit({ action: `etat-civil.registre.${action}`, summary, objectType: 'ec_registre', objectId: id });
  return id;
}

type Mime = 'application/pdf' | 'image/jpeg' | 'image/tiff';
/** What the file really is, from its first bytes (never from its name). */
export function sniff(bytes: Uint8Array): Mime | null {
  const b = Buffer.from(bytes.subarray(0, 5));
  if (b.toString('latin1') === '%PDF-') return 'application/pdf';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (
    (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
    (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)
  )
    return 'image/tiff';
  return null;
}

/** A scanned file split into pages: a PDF or a multi-page TIFF page by page (each a one-page file), a JPEG as one page. */
export async function scanPages(bytes: Uint8Array, nom: string): Promise<{ mime: Mime; bytes: Uint8Array }[]> {
  const mime = sniff(bytes);
  if (!mime)
    throw new AppError('INVALID', `« ${nom} » n’est ni un PDF, ni une image JPEG ou TIFF : rien n’a été ajouté.`);
  if (mime === 'image/tiff') return splitTiff(bytes, nom).map((page) => ({ mime, bytes: page }));
  if (mime !== 'application/pdf') return [{ mime, bytes }];
  let src: PDFDocument;
  try {
    src = await PDFDocument.load(bytes, { ignoreEncryption: false });
  } catch {
    throw new AppError(
      'INVALID',
      `« ${nom} » est un PDF illisible ou protégé par un mot de passe : rien n’a été ajouté.`,
    );
  }
  const out: { mime: Mime; bytes: Uint8Array }[] = [];
  for (let i = 0; i < src.getPageCount(); i++) {
    const one = await PDFDocument.create();
    const [p] = await one.copyPages(src, [i]);
    one.addPage(p!);
    out.push({ mime, bytes: await one.save({ useObjectStreams: false }) });
  }
  return out;
}

/** Append the pages after the register's last one; the files go to the content-addressed store. */
export function addPages(
  c: EcCtx,
  registreId: number,
  nom: string,
  pages: { mime: Mime; bytes: Uint8Array }[],
): { first: number; last: number } {
  const r = getRegistre(c, registreId);
  const last = (
    c.db.prepare('SELECT coalesce(max(page), 0) AS n FROM ec_registre_page WHERE registre_id = ?').get(registreId) as {
      n: number;
    }
  ).n;
  const ins = c.db.prepare(
    'INSERT INTO ec_registre_page (registre_id, page, sha256, mime, nom, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  pages.forEach((p, i) =>
    ins.run(registreId, last + i + 1, c.docs.put(p.bytes).sha256, p.mime, nom, c.now.toISOString()),
  );
  c.audit({
    action: 'etat-civil.registre.scan',
    summary: `${registreLabel(r)} : ${pages.length} page(s) numérisée(s) ajoutée(s) (« ${nom} »)`,
    objectType: 'ec_registre',
    objectId: registreId,
  });
  return { first: last + 1, last: last + pages.length };
}

export function readPage(c: EcCtx, registreId: number, page: number): { mime: string; bytes: Buffer } {
  const p = c.db
    .prepare('SELECT sha256, mime FROM ec_registre_page WHERE registre_id = ? AND page = ?')
    .get(registreId, page) as { sha256: string; mime: string } | undefined;
  if (!p) throw new AppError('NOT_FOUND', `La page ${page} de ce registre n’est pas numérisée.`);
  return { mime: p.mime, bytes: c.docs.read(p.sha256) };
}
